namespace UpNest.Growth.ZScores;

/// <summary>Per-indicator rules of the WHO macros: restricted LMS and plausibility (flag) limits.</summary>
public static class WhoRules
{
    /// <summary>Last age in days covered by the 2006 standards in igrowup (under 61 months).</summary>
    public const int LastDay2006 = 1856;

    /// <summary>who2007 scores height- and BMI-for-age below this age in months (weight-for-age below 121).</summary>
    public const int MonthsBelow2007 = 229;

    /// <summary>who2007 scores weight-for-age below this age in months.</summary>
    public const int WeightMonthsBelow2007 = 121;

    /// <summary>who2007 starts at this age in months (the 2006 standards cover the days before).</summary>
    public const int FirstMonth2007 = 61;

    /// <summary>The last whole day of age still under 229 months (229 × 30.4375 = 6970.19 days).</summary>
    public const int LastDay2007 = 6970;

    /// <summary>Days per month in all WHO software.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Age (days) from which the WHO measures length standing rather than lying.</summary>
    public const int FirstHeightDay = 731;

    /// <summary>Length/height conversion between lying and standing (cm).</summary>
    public const double PositionAdjustmentCm = 0.7;

    /// <summary>First age in days of the arm circumference and skinfold standards (3 months).</summary>
    public const int FirstDayArmAndSkinfolds = 91;

    /// <summary>When age is unknown and position too, igrowup uses weight-for-length below this length.</summary>
    public const double WeightForLengthBelowCm = 87;

    /// <summary>True where the WHO applies the restricted LMS rule beyond ±3 SD.</summary>
    public static bool UsesRestrictedLms(Indicator indicator) =>
        indicator is not (Indicator.LengthHeightForAge or Indicator.HeadCircumferenceForAge);

    /// <summary>The WHO flag limits (z-scores outside are biologically implausible).</summary>
    public static (double Low, double High) FlagLimits(Indicator indicator) => indicator switch
    {
        Indicator.LengthHeightForAge => (-6, 6),
        Indicator.WeightForAge => (-6, 5),
        _ => (-5, 5),
    };

    /// <summary>
    /// The WHO's flag test, applied like the macros to the z-score rounded to two decimals;
    /// returns null inside the limits, otherwise a short reason.
    /// </summary>
    public static string? Flag(Indicator indicator, double roundedZ)
    {
        var (low, high) = FlagLimits(indicator);
        if (roundedZ < low) return $"implausible: below {low} SD";
        if (roundedZ > high) return $"implausible: above +{high} SD";
        return null;
    }
}
