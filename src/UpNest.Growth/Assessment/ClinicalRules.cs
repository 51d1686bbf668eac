namespace UpNest.Growth.Assessment;

/// <summary>
/// One rule behind an alert: a stable code clients may key on, the rule in words, where it comes
/// from, and its threshold. The table is printed in docs/CLINICAL-RULES.md.
/// </summary>
public sealed record ClinicalRule(string Code, AlertKind Kind, AlertSeverity Severity, string Source, string Statement, double Threshold, string Unit);

/// <summary>A NICE NG75 birth-centile band and how many centile spaces of fall raise concern in it.</summary>
/// <param name="BelowZ">The band holds birth z-scores below this (exclusive); the last band is open.</param>
public sealed record CentileFallThreshold(string Band, double BelowZ, int SpacesOfFall);

/// <summary>The faltering-growth and early-weight rules of NICE NG75 (2017), as data.</summary>
public static class ClinicalRules
{
    private const string Ng75Early = "NICE NG75 (2017) 1.1.1–1.1.2, weight loss in the early days of life";
    private const string Ng75Thresholds = "NICE NG75 (2017) 1.2.1, thresholds for concern about faltering growth";

    /// <summary>The early days of life: weighings before this day of life are judged against birth weight.</summary>
    public const int EarlyDaysOfLife = 21;

    /// <summary>Points before this age (the age the z-scores use) do not set the highest centile: weight
    /// usually drops after birth, and UK-WHO charts plot WHO centiles only from 2 weeks.</summary>
    public const int FirstWeeksDays = 14;

    public static ClinicalRule EarlyWeightLoss { get; } = new(
        "ng75-early-weight-loss", AlertKind.EarlyWeightLoss, AlertSeverity.Urgent, Ng75Early,
        "in the early days of life (days 1–20), a loss of more than 10 % of birth weight, while birth weight is not yet regained",
        10, "% of birth weight");

    public static ClinicalRule BirthWeightNotRegained { get; } = new(
        "ng75-birth-weight-not-regained", AlertKind.BirthWeightNotRegained, AlertSeverity.Warning, Ng75Early,
        "birth weight not regained by 3 weeks: the latest weighing, on day 21 of life or later, is below birth weight",
        EarlyDaysOfLife, "days of life");

    public static ClinicalRule CentileFall { get; } = new(
        "ng75-weight-centile-fall", AlertKind.WeightFaltering, AlertSeverity.Warning, Ng75Thresholds,
        "weight-for-age has fallen across 1 or more centile spaces (birth weight below the 9th centile), 2 or more " +
        "(9th–91st) or 3 or more (above the 91st), counted from the birth centile or the highest centile reached after " +
        "the first 2 weeks, whichever is higher; preterm babies at corrected age",
        NineLineChart.CentileSpaceSd, "SD per centile space");

    public static ClinicalRule BelowSecondCentile { get; } = new(
        "ng75-weight-below-2nd-centile", AlertKind.WeightBelowSecondCentile, AlertSeverity.Warning, Ng75Thresholds,
        "the latest weight-for-age is below the 2nd centile (−2 SD) whatever the birth weight",
        -2, "z-score");

    /// <summary>NG75 1.2.1 by birth centile: the 9th and 91st lines are at ∓4/3 SD.</summary>
    public static IReadOnlyList<CentileFallThreshold> CentileFallThresholds { get; } =
    [
        new("below the 9th centile", NineLineChart.LineZ(2), 1),
        new("9th to 91st centile", NineLineChart.LineZ(6) + 1e-9, 2),
        new("above the 91st centile", double.PositiveInfinity, 3),
    ];

    public static IReadOnlyList<ClinicalRule> All { get; } = [EarlyWeightLoss, BirthWeightNotRegained, CentileFall, BelowSecondCentile];

    /// <summary>The band of a birth z-score (rounded as reported).</summary>
    public static CentileFallThreshold ThresholdFor(double birthZ) =>
        CentileFallThresholds.First(t => birthZ < t.BelowZ);
}
