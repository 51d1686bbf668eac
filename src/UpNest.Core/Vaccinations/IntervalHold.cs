using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// Schedules without a CDSi forecast (UK, WHO) still give minimum intervals between doses: the
/// next pending dose of a series is held until that interval after the last dose given, so a
/// late dose moves the next one instead of leaving it "due" on a day it would not count.
/// </summary>
public static class IntervalHold
{
    public static PlannedDose? Effective(VaccinationDose record, IReadOnlyList<VaccinationDose> records)
    {
        if (record.PendingDueOn is null || record.Planned is not { MinIntervalDays: { } interval } planned)
        {
            return record.Planned;
        }

        var series = records.Where(r => string.Equals(r.Vaccine, record.Vaccine, StringComparison.OrdinalIgnoreCase)
            && r.DoseNumber < record.DoseNumber).ToList();
        var previous = series.Where(r => r.Given is not null).MaxBy(r => r.Given!.GivenOn);
        if (previous is null || series.Any(r => r.PendingDueOn is not null))
        {
            return planned;
        }

        return HeldUntil(planned, previous.Given!.GivenOn.AddDays(interval));
    }

    /// <summary>The planned dose, not earlier and not due before <paramref name="earliest"/>.</summary>
    public static PlannedDose HeldUntil(PlannedDose planned, DateOnly earliest)
    {
        var due = Later(planned.DueOn, earliest);
        return planned with
        {
            EarliestOn = Later(planned.EarliestOn, earliest), DueOn = due, DueEndOn = Later(planned.DueEndOn, due),
            OverdueOn = planned.OverdueOn is { } overdue ? Later(overdue, due) : null,
        };
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
