using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// Storage port for the Vaccinations table (QP7). Records are keyed by baby and
/// <see cref="VaccinationDose.Id"/> (SK <c>DOSE#vaccine#dose</c>); the reminder index holds
/// <see cref="VaccinationDose.PendingDueOn"/> and only while it is not null (sparse).
/// </summary>
public interface IVaccinationStore
{
    /// <summary>QP7: every dose record of the baby (a schedule has under 100), ordered by <see cref="VaccinationDose.SortOn"/>, then id.</summary>
    Task<IReadOnlyList<VaccinationDose>> ListForBabyAsync(BabyAccess access, CancellationToken ct);

    Task<VaccinationDose?> GetAsync(BabyAccess access, string doseId, CancellationToken ct);

    /// <summary>
    /// Makes the baby's dose records exactly <paramref name="doses"/>: each is written as given
    /// (its version included), and records not in the list are removed. Used when the schedule
    /// is planned or re-planned; the caller has already carried given and skipped facts over.
    /// </summary>
    Task ReplacePlanAsync(BabyAccess access, IReadOnlyList<VaccinationDose> doses, CancellationToken ct);

    /// <summary>Adds a record (a given dose outside the schedule); <see cref="ConflictException"/> when the id exists.</summary>
    Task CreateAsync(BabyAccess access, VaccinationDose dose, CancellationToken ct);

    /// <summary>Replaces the record if its version matches (else 412; missing is 404), storing version + 1.</summary>
    Task<VaccinationDose> UpdateAsync(BabyAccess access, VaccinationDose dose, long expectedVersion, CancellationToken ct);

    /// <summary>Removes the record; with an expected version, 412 when stale. Missing is <see cref="NotFoundException"/>.</summary>
    Task DeleteAsync(BabyAccess access, string doseId, long? expectedVersion, CancellationToken ct);

    /// <summary>
    /// QP7 (reminder job): pending doses of every baby with <paramref name="from"/> &lt;= due date &lt;= <paramref name="to"/>,
    /// ordered by due date, baby id, dose id. On DynamoDB: the sparse ByDueDate index, one Query per day.
    /// </summary>
    Task<Page<VaccinationDose>> ListDueBetweenAsync(DateOnly from, DateOnly to, PageRequest page, CancellationToken ct);
}
