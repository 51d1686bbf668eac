namespace UpNest.Growth.Charts;

/// <summary>What the horizontal axis measures.</summary>
public enum ChartAxis
{
    /// <summary>Age in days (the age used: corrected for preterm babies until 24 months).</summary>
    AgeDays,
    /// <summary>Length or height in cm (weight-for-length/height).</summary>
    LengthCm,
}

/// <summary>The horizontal range of a chart, in days or cm depending on the indicator.</summary>
public readonly record struct ChartRange(double From, double To)
{
    public static ChartRange Months(double fromMonths, double toMonths) =>
        new(fromMonths * ZScores.WhoRules.DaysPerMonth, toMonths * ZScores.WhoRules.DaysPerMonth);
}

public readonly record struct CurvePoint(double X, double Y);

/// <summary>One reference line: a centile (P3…P97) or a z-score line (−3…+3).</summary>
public sealed record ChartCurve(string Label, double ZScore, double? Percentile, IReadOnlyList<CurvePoint> Points);

/// <summary>A measurement of the baby on the chart.</summary>
public sealed record ChartPoint(double X, double Value, double? ZScore, double? Percentile, DateOnly? MeasuredOn = null,
    AgeBasis AgeUsed = AgeBasis.Chronological);

/// <summary>Everything needed to draw a WHO chart: curves in both styles and the baby's points.</summary>
public sealed record ChartData(
    Indicator Indicator,
    Sex Sex,
    ChartAxis Axis,
    ChartRange Range,
    string ValueUnit,
    IReadOnlyList<ChartCurve> Centiles,
    IReadOnlyList<ChartCurve> ZScoreLines,
    IReadOnlyList<ChartPoint> Points)
{
    /// <summary>True when any point is plotted at corrected age (the chart should say so).</summary>
    public bool UsesCorrectedAge => Points.Any(p => p.AgeUsed == AgeBasis.Corrected);
}
