namespace UpNest.Growth.Assessment;

/// <summary>What the assessment needs to know about the baby.</summary>
/// <param name="BirthWeightKg">Recorded birth weight; when null, a weighing on the birth date stands in.</param>
public sealed record BabyProfile(Sex Sex, DateOnly BirthDate, int? GestationalAgeWeeks = null, int? GestationalAgeDays = null, double? BirthWeightKg = null);

/// <summary>One dated set of measurements (any may be missing).</summary>
public sealed record GrowthMeasurement(DateOnly MeasuredOn)
{
    public double? WeightKg { get; init; }
    public double? LengthHeightCm { get; init; }
    public MeasurementPosition Position { get; init; }
    public double? HeadCircumferenceCm { get; init; }
    public double? ArmCircumferenceCm { get; init; }
    public double? TricepsSkinfoldMm { get; init; }
    public double? SubscapularSkinfoldMm { get; init; }
    public bool Oedema { get; init; }

    /// <summary>The calculator input for this measurement of <paramref name="baby"/>.</summary>
    public GrowthInput ToInput(BabyProfile baby) => new()
    {
        Sex = baby.Sex,
        AgeDays = GrowthAge.FromDates(baby.BirthDate, MeasuredOn),
        WeightKg = WeightKg,
        LengthHeightCm = LengthHeightCm,
        Position = Position,
        HeadCircumferenceCm = HeadCircumferenceCm,
        ArmCircumferenceCm = ArmCircumferenceCm,
        TricepsSkinfoldMm = TricepsSkinfoldMm,
        SubscapularSkinfoldMm = SubscapularSkinfoldMm,
        Oedema = Oedema,
        GestationalAgeWeeks = baby.GestationalAgeWeeks,
        GestationalAgeDays = baby.GestationalAgeDays,
    };
}
