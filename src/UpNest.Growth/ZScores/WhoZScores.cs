using System.Runtime.CompilerServices;
using UpNest.Growth.Standards;

namespace UpNest.Growth.ZScores;

/// <summary>
/// Table selection and lookup as in igrowup (2006, by day or 0.1 cm) and who2007 (2007, by month).
/// Every method returns the unrounded z-score, or NaN when the WHO computes none.
/// </summary>
internal static class WhoZScores
{
    /// <summary>2006 age-based indicator at a whole age in days.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ByDay(Indicator indicator, Sex sex, int ageDays, double value)
    {
        if (indicator is Indicator.WeightForLength or Indicator.WeightForHeight) return double.NaN;
        var table = WhoLmsData.Get(Table2006(indicator), sex);
        if (!table.Contains(ageDays) || ageDays > WhoRules.LastDay2006 || !(value > 0)) return double.NaN;
        var lms = table.At(ageDays);
        return WhoRules.UsesRestrictedLms(indicator) ? LmsMath.RestrictedZScore(lms, value) : LmsMath.ZScore(lms, value);
    }

    /// <summary>2006 weight-for-length (45–110 cm) or weight-for-height (65–120 cm).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ByLength(Indicator indicator, Sex sex, double lengthCm, double weightKg)
    {
        var table = WhoLmsData.Get(indicator == Indicator.WeightForHeight ? WhoTable.WeightForHeight2006 : WhoTable.WeightForLength2006, sex);
        // igrowup: low = trunc(len·10)/10, fraction = (len − low)/0.1, interpolate when fraction > 0.
        var tenths = Math.Truncate(lengthCm * 10);
        if (!(weightKg > 0) || !(tenths >= table.FirstKey) || tenths > table.LastKey) return double.NaN;
        var key = (int)tenths;
        if (key == table.LastKey && lengthCm * 10 > tenths) return double.NaN;
        var fraction = (lengthCm - tenths / 10) / 0.1;
        return LmsMath.RestrictedZScore(table.Interpolate(key, fraction), weightKg);
    }

    /// <summary>2007 indicator at an exact age in months (61 to under 229, weight 61 to under 121).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ByMonth(Indicator indicator, Sex sex, double ageMonths, double value) =>
        Covers2007(indicator, ageMonths) ? ByMonthWithinTable(indicator, sex, ageMonths, value) : double.NaN;

    /// <summary>
    /// The 2007 LMS computation anywhere the table has rows (60 months to its last row), without the
    /// who2007 age bounds: used to show that WHO's anthroplus bounds are the only difference (T4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ByMonthWithinTable(Indicator indicator, Sex sex, double ageMonths, double value)
    {
        var tableId = indicator switch
        {
            Indicator.WeightForAge => WhoTable.WeightForAge2007,
            Indicator.LengthHeightForAge => WhoTable.HeightForAge2007,
            Indicator.BmiForAge => WhoTable.BmiForAge2007,
            _ => (WhoTable)255,
        };
        if ((byte)tableId == 255 || !(value > 0)) return double.NaN;
        var table = WhoLmsData.Get(tableId, sex);
        // who2007: low = trunc(age), fraction = age − low, interpolate when fraction > 0.
        var low = Math.Truncate(ageMonths);
        if (!(low >= table.FirstKey) || low > table.LastKey || (low == table.LastKey && ageMonths > low)) return double.NaN;
        var lms = table.Interpolate((int)low, ageMonths - low);
        return indicator == Indicator.LengthHeightForAge ? LmsMath.ZScore(lms, value) : LmsMath.RestrictedZScore(lms, value);
    }

    /// <summary>True when who2007 computes the indicator at this age: 61 ≤ months &lt; 229 (121 for weight).</summary>
    public static bool Covers2007(Indicator indicator, double ageMonths) => indicator switch
    {
        Indicator.WeightForAge => ageMonths >= WhoRules.FirstMonth2007 && ageMonths < WhoRules.WeightMonthsBelow2007,
        Indicator.LengthHeightForAge or Indicator.BmiForAge => ageMonths >= WhoRules.FirstMonth2007 && ageMonths < WhoRules.MonthsBelow2007,
        _ => false,
    };

    /// <summary>True when the 2006 table of an age-based indicator has a row for this day.</summary>
    public static bool Covers2006(Indicator indicator, int ageDays) =>
        indicator is not (Indicator.WeightForLength or Indicator.WeightForHeight)
        && ageDays <= WhoRules.LastDay2006
        && WhoLmsData.Get(Table2006(indicator), Sex.Male).Contains(ageDays);

    internal static WhoTable Table2006(Indicator indicator) => indicator switch
    {
        Indicator.WeightForAge => WhoTable.WeightForAge2006,
        Indicator.LengthHeightForAge => WhoTable.LengthHeightForAge2006,
        Indicator.BmiForAge => WhoTable.BmiForAge2006,
        Indicator.HeadCircumferenceForAge => WhoTable.HeadCircumferenceForAge2006,
        Indicator.ArmCircumferenceForAge => WhoTable.ArmCircumferenceForAge2006,
        Indicator.TricepsSkinfoldForAge => WhoTable.TricepsSkinfoldForAge2006,
        Indicator.SubscapularSkinfoldForAge => WhoTable.SubscapularSkinfoldForAge2006,
        Indicator.WeightForLength => WhoTable.WeightForLength2006,
        Indicator.WeightForHeight => WhoTable.WeightForHeight2006,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator."),
    };
}
