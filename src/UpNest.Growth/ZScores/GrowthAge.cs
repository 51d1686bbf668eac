namespace UpNest.Growth;

/// <summary>Age conversions exactly as WHO software does them.</summary>
public static class GrowthAge
{
    /// <summary>Completed days between birth and measurement.</summary>
    public static int FromDates(DateOnly birthDate, DateOnly measuredOn) =>
        measuredOn.DayNumber - birthDate.DayNumber;

    /// <summary>Days from decimal months: round half up of months × 30.4375 (igrowup).</summary>
    public static int FromMonths(double months) =>
        (int)Math.Floor(months * ZScores.WhoRules.DaysPerMonth + 0.5);

    /// <summary>Decimal months from days (days / 30.4375).</summary>
    public static double ToMonths(int days) => days / ZScores.WhoRules.DaysPerMonth;

    /// <summary>
    /// Days of prematurity to subtract for corrected age, or null when no correction applies:
    /// gestation unknown or 37 weeks or more, or chronological age 24 months (731 days) or older.
    /// </summary>
    public static int? PrematurityDays(int ageDays, int? gestationalWeeks, int? gestationalDays)
    {
        if (gestationalWeeks is not { } weeks || weeks >= 37) return null;
        if (ageDays >= ZScores.WhoRules.FirstHeightDay) return null;
        var gestation = weeks * 7 + Math.Clamp(gestationalDays ?? 0, 0, 6);
        return 280 - gestation;
    }
}
