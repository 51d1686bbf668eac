namespace UpNest.Growth;

/// <summary>
/// One child measured once. Missing measurements are null; only the indicators whose inputs are
/// present are computed.
/// </summary>
public readonly record struct GrowthInput
{
    public required Sex Sex { get; init; }

    /// <summary>Chronological age in completed days (see <see cref="GrowthAge"/>); null when unknown,
    /// in which case only weight-for-length/height can be computed, as in igrowup.</summary>
    public int? AgeDays { get; init; }

    /// <summary>
    /// Exact age in months when the source records it (surveys); the 2007 reference interpolates by
    /// month and uses it as given. When null, months = days / 30.4375 as WHO software does.
    /// Ignored when age is corrected for prematurity.
    /// </summary>
    public double? AgeMonths { get; init; }

    public double? WeightKg { get; init; }

    /// <summary>Length (lying) or height (standing) as measured, before any WHO adjustment.</summary>
    public double? LengthHeightCm { get; init; }

    public MeasurementPosition Position { get; init; }

    public double? HeadCircumferenceCm { get; init; }

    public double? ArmCircumferenceCm { get; init; }

    public double? TricepsSkinfoldMm { get; init; }

    public double? SubscapularSkinfoldMm { get; init; }

    /// <summary>Bilateral pitting oedema: the WHO computes no weight-based z-score.</summary>
    public bool Oedema { get; init; }

    /// <summary>Completed weeks of gestation at birth; under 37 triggers age correction.</summary>
    public int? GestationalAgeWeeks { get; init; }

    /// <summary>Extra days beyond <see cref="GestationalAgeWeeks"/> (0–6).</summary>
    public int? GestationalAgeDays { get; init; }
}
