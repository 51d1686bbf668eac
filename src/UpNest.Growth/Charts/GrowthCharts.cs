using UpNest.Growth.Assessment;
using UpNest.Growth.Standards;
using UpNest.Growth.ZScores;

namespace UpNest.Growth.Charts;

/// <summary>WHO curves for an indicator and sex over a range, plus the baby's points.</summary>
public static class GrowthCharts
{
    private static readonly (string Label, double Percentile)[] CentileLines =
        [("P3", 3), ("P15", 15), ("P50", 50), ("P85", 85), ("P97", 97)];

    /// <summary>Samples per curve at most; days or 0.1 cm steps are thinned to this.</summary>
    private const int MaxSamples = 240;

    public static ChartData Build(Indicator indicator, Sex sex, ChartRange range, IEnumerable<ChartPoint>? points = null)
    {
        var axis = indicator is Indicator.WeightForLength or Indicator.WeightForHeight ? ChartAxis.LengthCm : ChartAxis.AgeDays;
        var xs = Samples(indicator, sex, axis, range);
        if (xs.Count == 0) throw new ArgumentOutOfRangeException(nameof(range), range, $"No WHO reference for {indicator.ToApiName()} in this range.");
        var lms = xs.Select(x => LmsAt(indicator, sex, x)).ToList();
        var restricted = WhoRules.UsesRestrictedLms(indicator);

        ChartCurve Curve(string label, double z, double? percentile) => new(label, z, percentile,
            [.. xs.Select((x, i) => new CurvePoint(x, restricted ? LmsMath.RestrictedCentile(lms[i], z) : LmsMath.Centile(lms[i], z)))]);

        var centiles = CentileLines.Select(c => Curve(c.Label, NormalDistribution.Quantile(c.Percentile / 100), c.Percentile)).ToList();
        var zLines = Enumerable.Range(-3, 7).Select(z => Curve(z == 0 ? "0" : z.ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture), z, null)).ToList();
        var inRange = (points ?? []).Where(p => p.X >= range.From && p.X <= range.To).OrderBy(p => p.X).ToList();
        return new ChartData(indicator, sex, axis, range, indicator.ValueUnit(), centiles, zLines, inRange);
    }

    /// <summary>Chart points from an assessment's points of one indicator.</summary>
    public static IReadOnlyList<ChartPoint> PointsFrom(IEnumerable<IndicatorPoint> points, Indicator indicator) =>
        [.. points.Where(p => p.Indicator == indicator)
            .Select(p => new ChartPoint(p.X, p.Value, p.Result.ZScore, p.Result.Percentile, p.MeasuredOn, p.AgeUsed))];

    private static List<double> Samples(Indicator indicator, Sex sex, ChartAxis axis, ChartRange range)
    {
        var xs = new List<double>();
        if (axis == ChartAxis.LengthCm)
        {
            var table = WhoLmsData.Get(WhoZScores.Table2006(indicator), sex);
            var from = Math.Max(Math.Ceiling(range.From * 10), table.FirstKey);
            var to = Math.Min(Math.Floor(range.To * 10), table.LastKey);
            var step = Math.Max(1, Math.Ceiling((to - from) / MaxSamples));
            for (var k = from; k <= to; k += step) xs.Add(k / 10);
            if (xs.Count > 0 && xs[^1] < to / 10) xs.Add(to / 10);
            return xs;
        }
        var first = (int)Math.Max(0, Math.Ceiling(range.From));
        var last = (int)Math.Floor(range.To);
        var dayStep = Math.Max(1, (last - first) / MaxSamples);
        for (var d = first; d <= last; d += dayStep)
        {
            if (!double.IsNaN(LmsAt(indicator, sex, d).M)) xs.Add(d);
        }
        if (xs.Count > 0 && xs[^1] < last && !double.IsNaN(LmsAt(indicator, sex, last).M)) xs.Add(last);
        return xs;
    }

    /// <summary>LMS at a day (2006 daily table, else 2007 by month) or at a length; NaN M when none.</summary>
    private static Lms LmsAt(Indicator indicator, Sex sex, double x)
    {
        if (indicator is Indicator.WeightForLength or Indicator.WeightForHeight)
        {
            var table = WhoLmsData.Get(WhoZScores.Table2006(indicator), sex);
            var tenths = Math.Truncate(x * 10 + 1e-9);
            return table.Interpolate((int)tenths, tenths >= table.LastKey ? 0 : x * 10 - tenths);
        }
        var day = (int)x;
        if (day <= WhoRules.LastDay2006)
        {
            var daily = WhoLmsData.Get(WhoZScores.Table2006(indicator), sex);
            return daily.Contains(day) ? daily.At(day) : new Lms(1, double.NaN, 0);
        }
        var months = day / WhoRules.DaysPerMonth;
        if (!WhoZScores.Covers2007(indicator, months)) return new Lms(1, double.NaN, 0);
        var monthly = WhoLmsData.Get(indicator switch
        {
            Indicator.WeightForAge => WhoTable.WeightForAge2007,
            Indicator.LengthHeightForAge => WhoTable.HeightForAge2007,
            _ => WhoTable.BmiForAge2007,
        }, sex);
        var low = Math.Truncate(months);
        return monthly.Interpolate((int)low, months - low);
    }
}
