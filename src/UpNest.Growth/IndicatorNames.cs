using System.Diagnostics.CodeAnalysis;

namespace UpNest.Growth;

/// <summary>Maps indicators to the API names in DESIGN.md and back.</summary>
public static class IndicatorNames
{
    private static readonly string[] Names =
    [
        "", "weight-for-age", "length-height-for-age", "weight-for-length", "weight-for-height",
        "bmi-for-age", "head-circumference-for-age", "arm-circumference-for-age",
        "triceps-skinfold-for-age", "subscapular-skinfold-for-age",
    ];

    /// <summary>All nine indicators in API order.</summary>
    public static IReadOnlyList<Indicator> All { get; } = Enum.GetValues<Indicator>();

    public static string ToApiName(this Indicator indicator) =>
        indicator is >= Indicator.WeightForAge and <= Indicator.SubscapularSkinfoldForAge
            ? Names[(int)indicator]
            : throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator.");

    /// <summary>Parses an API name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out Indicator indicator)
    {
        var trimmed = name?.Trim();
        for (var i = 1; i < Names.Length && trimmed is not null; i++)
        {
            if (string.Equals(Names[i], trimmed, StringComparison.OrdinalIgnoreCase))
            {
                indicator = (Indicator)i;
                return true;
            }
        }
        indicator = default;
        return false;
    }

    /// <summary>Unit of the measured value, for display.</summary>
    public static string ValueUnit(this Indicator indicator) => indicator switch
    {
        Indicator.WeightForAge or Indicator.WeightForLength or Indicator.WeightForHeight => "kg",
        Indicator.BmiForAge => "kg/m²",
        Indicator.TricepsSkinfoldForAge or Indicator.SubscapularSkinfoldForAge => "mm",
        _ => "cm",
    };
}
