using UpNest.Core.Babies;
using UpNest.Core.Measurements;
using UpNest.Growth;
using UpNest.Growth.Assessment;

namespace UpNest.Core.GrowthTracking;

/// <summary>Translates the records a parent keeps into the growth engine's inputs.</summary>
public static class GrowthMapping
{
    public static Growth.Sex ToGrowthSex(this Babies.Sex sex) => sex == Babies.Sex.Male ? Growth.Sex.Male : Growth.Sex.Female;

    public static BabyProfile ToProfile(this Baby baby) =>
        new(baby.Sex.ToGrowthSex(), baby.DateOfBirth, baby.GestationalAgeWeeks, baby.GestationalAgeDays, baby.BirthWeightKg);

    public static GrowthMeasurement ToGrowth(this Measurement m) => new(m.MeasuredOn)
    {
        WeightKg = m.WeightKg,
        LengthHeightCm = m.LengthHeightCm,
        Position = m.Position switch
        {
            LengthPosition.Recumbent => MeasurementPosition.Recumbent,
            LengthPosition.Standing => MeasurementPosition.Standing,
            _ => MeasurementPosition.Unknown,
        },
        HeadCircumferenceCm = m.HeadCircumferenceCm,
        ArmCircumferenceCm = m.ArmCircumferenceCm,
        TricepsSkinfoldMm = m.TricepsSkinfoldMm,
        SubscapularSkinfoldMm = m.SubscapularSkinfoldMm,
        Oedema = m.Oedema,
    };

    /// <summary>The z-scores of one measurement of this baby, computed on read.</summary>
    public static GrowthResult Score(this Baby baby, Measurement m) => GrowthCalculator.Calculate(m.ToGrowth().ToInput(baby.ToProfile()));
}
