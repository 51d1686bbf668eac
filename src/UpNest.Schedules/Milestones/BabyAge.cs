namespace UpNest.Schedules.Milestones;

/// <summary>
/// A baby's age on a day. Babies born before 37 weeks use corrected age (chronological age
/// minus the weeks born before 40) until 24 months chronological, as DESIGN.md prescribes.
/// </summary>
/// <param name="CorrectedDays">Null when no correction applies; negative before the due date.</param>
public sealed record BabyAge(int ChronologicalDays, int? CorrectedDays)
{
    /// <summary>WHO's months-from-days convention: 1 month = 30.4375 days.</summary>
    public const decimal DaysPerMonth = 30.4375m;

    private const int TermDays = 40 * 7;
    private const int PretermBelowDays = 37 * 7;

    public bool UsesCorrectedAge => CorrectedDays is not null;

    public int DaysUsed => CorrectedDays ?? ChronologicalDays;

    public decimal MonthsUsed => DaysUsed / DaysPerMonth;

    public static BabyAge On(DateOnly birthDate, int? gestationalAgeWeeks, int? gestationalAgeDays, DateOnly day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, birthDate);
        var chronological = day.DayNumber - birthDate.DayNumber;
        if (gestationalAgeWeeks is not { } weeks)
        {
            return new BabyAge(chronological, null);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 20, nameof(gestationalAgeWeeks));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, 45, nameof(gestationalAgeWeeks));
        var extra = gestationalAgeDays ?? 0;
        ArgumentOutOfRangeException.ThrowIfNegative(extra, nameof(gestationalAgeDays));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extra, 6, nameof(gestationalAgeDays));

        var gestation = (weeks * 7) + extra;
        var correct = gestation < PretermBelowDays && day < birthDate.AddMonths(24);
        return new BabyAge(chronological, correct ? chronological - (TermDays - gestation) : null);
    }

    public static decimal ToMonths(int days) => days / DaysPerMonth;
}
