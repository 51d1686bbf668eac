using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Milestones;
using UpNest.Core.Vaccinations;

namespace UpNest.Api.Privacy;

/// <summary>Dose notes, skip reasons and reaction notes encrypted at rest, like every other free text.</summary>
public sealed class ProtectedVaccinationStore(IVaccinationStore inner, NoteProtector notes) : IVaccinationStore
{
    public async Task<IReadOnlyList<VaccinationDose>> ListForBabyAsync(BabyAccess access, CancellationToken ct) =>
        (await inner.ListForBabyAsync(access, ct)).Select(Open).ToList();

    public async Task<VaccinationDose?> GetAsync(BabyAccess access, string doseId, CancellationToken ct) =>
        await inner.GetAsync(access, doseId, ct) is { } dose ? Open(dose) : null;

    public Task ReplacePlanAsync(BabyAccess access, IReadOnlyList<VaccinationDose> doses, CancellationToken ct) =>
        inner.ReplacePlanAsync(access, doses.Select(Seal).ToList(), ct);

    public Task CreateAsync(BabyAccess access, VaccinationDose dose, CancellationToken ct) => inner.CreateAsync(access, Seal(dose), ct);

    public async Task<VaccinationDose> UpdateAsync(BabyAccess access, VaccinationDose dose, long expectedVersion, CancellationToken ct) =>
        Open(await inner.UpdateAsync(access, Seal(dose), expectedVersion, ct));

    public Task DeleteAsync(BabyAccess access, string doseId, long? expectedVersion, CancellationToken ct) =>
        inner.DeleteAsync(access, doseId, expectedVersion, ct);

    public async Task<Page<VaccinationDose>> ListDueBetweenAsync(DateOnly from, DateOnly to, PageRequest page, CancellationToken ct)
    {
        var result = await inner.ListDueBetweenAsync(from, to, page, ct);
        return result with { Items = result.Items.Select(Open).ToList() };
    }

    private VaccinationDose Seal(VaccinationDose d) => Map(d, notes.Protect);

    private VaccinationDose Open(VaccinationDose d) => Map(d, notes.Unprotect);

    private static VaccinationDose Map(VaccinationDose d, Func<string?, string?> text) => d with
    {
        Given = d.Given is null ? null : d.Given with { Note = text(d.Given.Note) },
        SkipReason = text(d.SkipReason),
        Reactions = d.Reactions.Select(r => r with { Note = text(r.Note) }).ToList(),
    };
}

/// <summary>Milestone notes and custom titles (they may name the child) encrypted at rest.</summary>
public sealed class ProtectedMilestoneStore(IMilestoneStore inner, NoteProtector notes) : IMilestoneStore
{
    public async Task<IReadOnlyList<MilestoneEntry>> ListForBabyAsync(BabyAccess access, CancellationToken ct) =>
        (await inner.ListForBabyAsync(access, ct)).Select(Open).ToList();

    public async Task<MilestoneEntry?> GetAsync(BabyAccess access, string key, CancellationToken ct) =>
        await inner.GetAsync(access, key, ct) is { } entry ? Open(entry) : null;

    public Task CreateAsync(BabyAccess access, MilestoneEntry entry, CancellationToken ct) => inner.CreateAsync(access, Seal(entry), ct);

    public async Task<MilestoneEntry> UpdateAsync(BabyAccess access, MilestoneEntry entry, long expectedVersion, CancellationToken ct) =>
        Open(await inner.UpdateAsync(access, Seal(entry), expectedVersion, ct));

    // A custom title stays non-null either way: null is what marks a catalog record.
    private MilestoneEntry Seal(MilestoneEntry e) => e with { Note = notes.Protect(e.Note), Title = notes.Protect(e.Title) };

    private MilestoneEntry Open(MilestoneEntry e) => e with { Note = notes.Unprotect(e.Note), Title = e.Title is null ? null : notes.Unprotect(e.Title) ?? "" };
}
