namespace UpNest.Growth;

/// <summary>Which age the z-scores were computed at.</summary>
public enum AgeBasis
{
    Chronological = 0,
    /// <summary>Corrected for prematurity: chronological − (40 weeks − gestational age).</summary>
    Corrected = 1,
}

/// <summary>One indicator's result.</summary>
/// <param name="ZScore">Rounded to two decimals as the WHO reports it; null when not computed.</param>
/// <param name="Percentile">100·Φ(z) to one decimal, from the unrounded z.</param>
/// <param name="Flag">Null, or why the value is implausible or no z-score was computed.</param>
public sealed record ZScoreResult(
    Indicator Indicator,
    GrowthReference Reference,
    double? ZScore,
    double? Percentile,
    string? Flag)
{
    /// <summary>True when the z-score lies outside the WHO flag limits.</summary>
    public bool IsImplausible => ZScore is not null && Flag is not null;
}

/// <summary>The z-scores for one measurement.</summary>
public sealed record GrowthResult(
    int? AgeDays,
    int? CorrectedAgeDays,
    AgeBasis AgeUsed,
    IReadOnlyList<ZScoreResult> Results)
{
    /// <summary>The result for an indicator, or null when it was not computed.</summary>
    public ZScoreResult? For(Indicator indicator)
    {
        foreach (var r in Results)
        {
            if (r.Indicator == indicator) return r;
        }
        return null;
    }
}
