namespace UpNest.Core.Measurements;

/// <summary>How a length was taken: lying down (length) or standing (height).</summary>
public enum LengthPosition
{
    Recumbent,
    Standing,
}

/// <summary>One visit's measurements, stored in SI units.</summary>
public sealed record Measurement
{
    public required string Id { get; init; }
    public required string BabyId { get; init; }
    public DateOnly MeasuredOn { get; init; }
    public double? WeightKg { get; init; }
    public double? LengthHeightCm { get; init; }
    public LengthPosition? Position { get; init; }
    public double? HeadCircumferenceCm { get; init; }
    public double? ArmCircumferenceCm { get; init; }
    public double? TricepsSkinfoldMm { get; init; }
    public double? SubscapularSkinfoldMm { get; init; }
    public bool Oedema { get; init; }
    public string? Note { get; init; }
    public string? Source { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; } = 1;
}
