using UpNest.Core.Babies;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// Plans every dose of the baby's schedule when the baby is created, and re-plans when its
/// date of birth or country changes. Given and skipped facts survive a re-plan; a given dose
/// the new schedule lacks stays as a dose outside the schedule, and every given dose is
/// checked again, since its warnings depend on the birth date and the schedule.
/// </summary>
public sealed class VaccinationPlanning(IVaccinationStore doses, TimeProvider clock) : IBabyChangeListener
{
    public async Task OnBabyChangedAsync(BabyAccess access, bool created, CancellationToken ct)
    {
        var existing = created ? [] : await doses.ListForBabyAsync(access, ct);
        await doses.ReplacePlanAsync(access, Merge(access, existing), ct);
    }

    /// <summary>The schedule a baby follows: its country (the owner's at creation), else the US default.</summary>
    public static VaccinationSchedule ScheduleFor(Baby baby)
    {
        try
        {
            return ScheduleCatalog.ForCountry(baby.Country);
        }
        catch (ArgumentException)
        {
            // A profile country that is not a code cannot choose a schedule; the product default applies.
            return ScheduleCatalog.Us;
        }
    }

    private List<VaccinationDose> Merge(BabyAccess access, IReadOnlyList<VaccinationDose> existing)
    {
        var baby = access.Baby;
        var schedule = ScheduleFor(baby);
        var now = clock.GetUtcNow();
        var old = existing.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var result = new List<VaccinationDose>();
        foreach (var planned in VaccinationPlanner.Plan(baby.DateOfBirth, schedule))
        {
            var id = VaccinationDose.IdFor(planned.Vaccine, planned.DoseNumber);
            result.Add(old.Remove(id, out var current)
                ? current with { Planned = planned, UpdatedAt = now, Version = current.Version + 1 }
                : new VaccinationDose
                {
                    Id = id, BabyId = baby.Id, Vaccine = planned.Vaccine, DoseNumber = planned.DoseNumber, Planned = planned,
                    CreatedBy = access.ActorId, CreatedAt = now, UpdatedAt = now,
                });
        }
        // Facts are kept; a planned-only record the new schedule lacks simply goes.
        result.AddRange(old.Values.Where(d => d.Given is not null)
            .Select(d => d with { Planned = null, SkipReason = null, UpdatedAt = now, Version = d.Version + 1 }));
        return Recheck(baby.DateOfBirth, schedule, result);
    }

    /// <summary>Warnings of every given dose against the current plan, in the order the doses were given.</summary>
    public static List<VaccinationDose> Recheck(DateOnly birthDate, VaccinationSchedule schedule, List<VaccinationDose> records)
    {
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var earlier = new List<GivenDose>();
        foreach (var record in records.Where(r => r.Given is not null).OrderBy(r => r.Given!.GivenOn).ThenBy(r => r.DoseNumber))
        {
            var given = record.Given!;
            var check = given.GivenOn < birthDate
                ? null
                : DoseValidator.Check(birthDate, schedule, new DoseRecord(record.Vaccine, record.DoseNumber, given.GivenOn, given.Cvx), earlier);
            byId[record.Id] = record with { Warnings = check?.Warnings ?? [] };
            earlier.Add(new GivenDose(record.Vaccine, record.DoseNumber, given.GivenOn, given.Cvx));
        }
        return records.Select(r => byId[r.Id]).ToList();
    }
}
