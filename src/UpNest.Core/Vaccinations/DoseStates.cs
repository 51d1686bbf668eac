using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>Stored dose records → their status on a day, through the schedule engine's series rules.</summary>
public static class DoseStates
{
    /// <summary>Status by dose id; doses outside the schedule are completed (they are only stored once given).</summary>
    public static Dictionary<string, DoseStatus> On(IReadOnlyList<VaccinationDose> records, DateOnly today)
    {
        var plan = records.Where(r => r.Planned is not null).Select(r => r.Planned!).ToList();
        var given = Given(records);
        var skipped = records.Where(r => r.Planned is not null && r.SkipReason is { Length: > 0 })
            .Select(r => new SkippedDose(r.Vaccine, r.DoseNumber, r.SkipReason!)).ToList();
        var states = DoseStatusCalculator.StatusesOn(plan, today, given, skipped);
        var byKey = new Dictionary<string, DoseStatus>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            byKey[VaccinationDose.IdFor(state.Dose.Vaccine, state.Dose.DoseNumber)] = state.Status;
        }
        foreach (var record in records.Where(r => r.Planned is null))
        {
            byKey[record.Id] = DoseStatus.Completed;
        }
        return byKey;
    }

    /// <summary>The given doses in the engine's terms, for validation and series rules.</summary>
    public static List<GivenDose> Given(IEnumerable<VaccinationDose> records) =>
        records.Where(r => r.Given is not null)
            .Select(r => new GivenDose(r.Vaccine, r.DoseNumber, r.Given!.GivenOn, r.Given.Cvx))
            .ToList();
}
