namespace UpNest.Growth.Assessment;

/// <summary>
/// One z-score of one measurement, with what is needed to plot it: <see cref="X"/> is the age in
/// days used (or the length in cm for weight-for-length/height) and <see cref="Value"/> the value
/// compared with the standard (weight, adjusted length/height, BMI, circumference, skinfold).
/// </summary>
public sealed record IndicatorPoint(
    Indicator Indicator,
    DateOnly MeasuredOn,
    int AgeDays,
    int? CorrectedAgeDays,
    AgeBasis AgeUsed,
    double X,
    double Value,
    ZScoreResult Result);

public enum ClassificationKind
{
    Underweight,
    SevereUnderweight,
    Stunting,
    SevereStunting,
    Wasting,
    SevereWasting,
    /// <summary>5–19 years: BMI-for-age below −2 SD (the 2007 reference's term for wasting).</summary>
    Thinness,
    SevereThinness,
    Overweight,
    Obesity,
    Microcephaly,
    SevereMicrocephaly,
    Macrocephaly,
    SevereMacrocephaly,
}

/// <summary>A WHO classification of the latest plausible z-score of an indicator.</summary>
/// <param name="Rule">The cut-off in words, e.g. "weight-for-age below −2 SD".</param>
public sealed record Classification(ClassificationKind Kind, Indicator Indicator, double ZScore, DateOnly MeasuredOn, string Rule);

/// <summary>Change between two consecutive z-scores of one indicator.</summary>
/// <param name="MajorLinesCrossed">Signed count of the 3rd, 15th, 50th, 85th and 97th centile lines
/// crossed: positive upwards, negative downwards.</param>
public sealed record ZScoreTrend(
    Indicator Indicator,
    DateOnly From,
    DateOnly To,
    double FromZ,
    double ToZ,
    double ChangeZ,
    int MajorLinesCrossed);

/// <summary>Weight gain between consecutive weighings.</summary>
/// <param name="GramsPerKgPerDay">Average-weight method: 1000·(W2 − W1) / (((W1 + W2)/2)·days).</param>
public sealed record WeightVelocity(DateOnly From, DateOnly To, int Days, double GramsPerDay, double GramsPerKgPerDay);

public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    Urgent = 2,
}

public enum AlertKind
{
    BelowThirdPercentile,
    AboveNinetySeventhPercentile,
    CentileLinesCrossedDown,
    CentileLinesCrossedUp,
    Classification,
    /// <summary>NICE NG75: a fall across centile spaces by birth centile.</summary>
    WeightFaltering,
    ImplausibleMeasurement,
    /// <summary>NICE NG75: more than 10 % of birth weight lost in the early days of life.</summary>
    EarlyWeightLoss,
    /// <summary>NICE NG75: birth weight not regained by 3 weeks.</summary>
    BirthWeightNotRegained,
    /// <summary>NICE NG75: weight below the 2nd centile whatever the birth weight.</summary>
    WeightBelowSecondCentile,
    /// <summary>UpNest heuristic: weight went down between weighings a week or more apart after the early days.</summary>
    WeightLoss,
}

/// <summary>One number behind an alert, named so a client can show it (e.g. spacesFallen 2 spaces).</summary>
public sealed record AlertEvidence(string Name, double Value, string Unit);

/// <summary>Something a parent should raise with their paediatrician; the message never diagnoses.</summary>
public sealed record GrowthAlert(
    AlertSeverity Severity,
    AlertKind Kind,
    Indicator? Indicator,
    ClassificationKind? Classification,
    string Message)
{
    /// <summary>Stable identifier of the rule (e.g. ng75-weight-centile-fall); clients may key on it.</summary>
    public required string Code { get; init; }

    /// <summary>The rule in words.</summary>
    public required string Rule { get; init; }

    /// <summary>Where the rule comes from (guideline and recommendation, WHO reference, or UpNest).</summary>
    public required string Source { get; init; }

    /// <summary>The numbers the rule was applied to.</summary>
    public IReadOnlyList<AlertEvidence> Evidence { get; init; } = [];
}

/// <summary>The whole picture for one baby.</summary>
public sealed record GrowthAssessment(
    IReadOnlyList<IndicatorPoint> Latest,
    IReadOnlyList<IndicatorPoint> Points,
    IReadOnlyList<Classification> Classifications,
    IReadOnlyList<ZScoreTrend> Trends,
    IReadOnlyList<WeightVelocity> WeightVelocities,
    IReadOnlyList<GrowthAlert> Alerts,
    IReadOnlyList<CentileSpaceSummary> CentileSpaces)
{
    /// <summary>All z-scores of one indicator, oldest first (chart points).</summary>
    public IReadOnlyList<IndicatorPoint> PointsFor(Indicator indicator) =>
        Points.Where(p => p.Indicator == indicator).ToList();
}
