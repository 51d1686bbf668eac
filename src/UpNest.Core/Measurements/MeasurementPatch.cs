using UpNest.Core.Common;

namespace UpNest.Core.Measurements;

/// <summary>Client input for a measurement, SI or imperial; for PATCH each field is optional.</summary>
public sealed record MeasurementPatch
{
    public Optional<DateOnly?> MeasuredOn { get; init; }
    public Optional<double?> WeightKg { get; init; }
    public Optional<double?> WeightLb { get; init; }
    public Optional<double?> WeightOz { get; init; }
    public Optional<double?> LengthCm { get; init; }
    public Optional<double?> HeightCm { get; init; }
    public Optional<double?> LengthIn { get; init; }
    public Optional<double?> HeightIn { get; init; }
    public Optional<double?> HeadCircumferenceCm { get; init; }
    public Optional<double?> HeadCircumferenceIn { get; init; }
    public Optional<double?> ArmCircumferenceCm { get; init; }
    public Optional<double?> TricepsSkinfoldMm { get; init; }
    public Optional<double?> SubscapularSkinfoldMm { get; init; }
    public Optional<bool?> Oedema { get; init; }
    public Optional<string> Note { get; init; }
    public Optional<string> Source { get; init; }
}

public static class ImperialUnits
{
    public const double KgPerPound = 0.45359237;
    public const double CmPerInch = 2.54;

    public static double PoundsToKg(double pounds, double ounces) => (pounds + (ounces / 16.0)) * KgPerPound;

    public static double InchesToCm(double inches) => inches * CmPerInch;

    public static double KgToPounds(double kg) => kg / KgPerPound;

    public static double CmToInches(double cm) => cm / CmPerInch;
}
