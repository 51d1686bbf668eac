using System.Globalization;

namespace UpNest.Growth.Assessment;

/// <summary>
/// Turns the assessment into alerts for parents. Messages describe where the baby is on the WHO
/// chart and suggest talking to the paediatrician; they never name a disease or a cause.
/// </summary>
internal static class AlertRules
{
    private const string Talk = "Please talk to your paediatrician about it at your next visit.";
    private const string Soon = "Please contact your paediatrician soon so they can check on your baby.";

    public static IReadOnlyList<GrowthAlert> Alerts(BabyProfile baby, List<GrowthMeasurement> measurements,
        List<IndicatorPoint> points, List<IndicatorPoint> latest, IReadOnlyList<Classification> classifications,
        List<ZScoreTrend> trends)
    {
        var alerts = new List<GrowthAlert>();
        foreach (var p in latest.Where(p => p.Result.IsImplausible))
        {
            alerts.Add(new(AlertSeverity.Info, AlertKind.ImplausibleMeasurement, p.Indicator, null,
                $"The latest {Name(p.Indicator)} ({p.MeasuredOn:yyyy-MM-dd}) is far outside the usual range, which often means a " +
                "typing or measuring slip. Please check the entry; if it is correct, ask your paediatrician to measure again."));
        }
        foreach (var c in classifications)
        {
            var (severity, text) = Describe(c.Kind);
            alerts.Add(new(severity, AlertKind.Classification, c.Indicator, c.Kind,
                $"Your baby's {text} on the WHO growth charts (z-score {Z(c.ZScore)}). {(severity == AlertSeverity.Urgent ? Soon : Talk)}"));
        }
        // A percentile alert would repeat a classification alert of the same indicator (or of
        // weight-for-length/height, which BMI-for-age mirrors under 5 years).
        bool Covered(IndicatorPoint p) => classifications.Any(c => c.Indicator == p.Indicator
            || (p.Indicator == Indicator.BmiForAge && c.Indicator is Indicator.WeightForLength or Indicator.WeightForHeight));
        foreach (var p in latest.Where(p => !p.Result.IsImplausible && !Covered(p)))
        {
            if (p.Result.Percentile < 3)
                alerts.Add(new(AlertSeverity.Warning, AlertKind.BelowThirdPercentile, p.Indicator, null,
                    $"Your baby's {Name(p.Indicator)} is below the 3rd percentile of the WHO growth charts (percentile {P(p)}). " +
                    "Many small babies are healthy, and a paediatrician can tell by following the growth over time. " + Talk));
            else if (p.Result.Percentile > 97)
                alerts.Add(new(p.Indicator == Indicator.HeadCircumferenceForAge ? AlertSeverity.Warning : AlertSeverity.Info,
                    AlertKind.AboveNinetySeventhPercentile, p.Indicator, null,
                    $"Your baby's {Name(p.Indicator)} is above the 97th percentile of the WHO growth charts (percentile {P(p)}). " +
                    "Many big babies are healthy; your paediatrician can look at it together with earlier measurements. " + Talk));
        }
        alerts.AddRange(Crossings(points, trends));
        if (WeightFaltering(baby, measurements, points) is { } faltering) alerts.Add(faltering);
        return [.. alerts.OrderByDescending(a => a.Severity)];
    }

    /// <summary>Two or more major centile lines crossed between the last two measurements or since the first one.</summary>
    private static IEnumerable<GrowthAlert> Crossings(List<IndicatorPoint> points, List<ZScoreTrend> trends)
    {
        foreach (var series in points.Where(p => !p.Result.IsImplausible).GroupBy(p => p.Indicator))
        {
            var list = series.ToList();
            if (list.Count < 2) continue;
            var last = trends.LastOrDefault(t => t.Indicator == series.Key);
            var overall = GrowthAssessor.MajorLinesCrossed(list[0].Result.ZScore!.Value, list[^1].Result.ZScore!.Value);
            var crossed = Math.Abs(last?.MajorLinesCrossed ?? 0) >= 2 ? last!.MajorLinesCrossed : overall;
            if (Math.Abs(crossed) < 2) continue;
            var down = crossed < 0;
            var since = Math.Abs(last?.MajorLinesCrossed ?? 0) >= 2 ? "since the previous measurement" : "since the first measurement";
            yield return new GrowthAlert(
                down || series.Key == Indicator.HeadCircumferenceForAge ? AlertSeverity.Warning : AlertSeverity.Info,
                down ? AlertKind.CentileLinesCrossedDown : AlertKind.CentileLinesCrossedUp, series.Key, null,
                $"Your baby's {Name(series.Key)} has moved {(down ? "down" : "up")} across {Math.Abs(crossed)} of the main " +
                $"percentile lines {since}. Babies usually follow roughly the same line, so this is worth a look. " + Talk);
        }
    }

    /// <summary>
    /// Weight faltering (heuristic after NICE NG75, documented in WHO-METHOD.md): losing 10% or more of
    /// the first weight in the first two weeks; losing weight after two weeks of age; or a fall in
    /// weight-for-age z from its highest value after two weeks of 0.67 SD (if that value was below the
    /// 9th centile), 1.33 SD (9th–91st) or 2 SD (above the 91st), about 1, 2 or 3 centile spaces.
    /// </summary>
    private static GrowthAlert? WeightFaltering(BabyProfile baby, List<GrowthMeasurement> measurements, List<IndicatorPoint> points)
    {
        var weighings = measurements.Where(m => m.WeightKg is > 0).ToList();
        if (weighings.Count < 2) return null;
        var first = weighings[0];
        var last = weighings[^1];
        int Age(GrowthMeasurement m) => GrowthAge.FromDates(baby.BirthDate, m.MeasuredOn);
        if (Age(last) <= 14 && last.WeightKg <= first.WeightKg * 0.9)
            return Faltering("has lost 10% or more of the first recorded weight");
        var previous = weighings[^2];
        if (Age(previous) >= 14 && last.MeasuredOn.DayNumber - previous.MeasuredOn.DayNumber >= 7 && last.WeightKg < previous.WeightKg)
            return Faltering("has gone down since the previous weighing");
        var wfa = points.Where(p => p.Indicator == Indicator.WeightForAge && !p.Result.IsImplausible && p.AgeDays >= 14).ToList();
        if (wfa.Count < 2) return null;
        var peak = wfa.Take(wfa.Count - 1).MaxBy(p => p.Result.ZScore!.Value)!;
        var peakZ = peak.Result.ZScore!.Value;
        var allowed = peakZ < -1.34 ? 0.67 : peakZ > 1.34 ? 2.0 : 1.33;
        return peakZ - wfa[^1].Result.ZScore!.Value > allowed ? Faltering("is rising more slowly than expected for its earlier percentile") : null;

        static GrowthAlert Faltering(string what) => new(AlertSeverity.Warning, AlertKind.WeightFaltering, Indicator.WeightForAge, null,
            $"Your baby's weight {what}. Weight gain varies, but your paediatrician will want to know and can check feeding and growth. " + Talk);
    }

    private static (AlertSeverity, string) Describe(ClassificationKind kind) => kind switch
    {
        ClassificationKind.Underweight => (AlertSeverity.Warning, "weight is low for their age (below -2 SD)"),
        ClassificationKind.SevereUnderweight => (AlertSeverity.Urgent, "weight is very low for their age (below -3 SD)"),
        ClassificationKind.Stunting => (AlertSeverity.Warning, "length/height is low for their age (below -2 SD)"),
        ClassificationKind.SevereStunting => (AlertSeverity.Warning, "length/height is very low for their age (below -3 SD)"),
        ClassificationKind.Wasting => (AlertSeverity.Warning, "weight is low for their length or height (below -2 SD)"),
        ClassificationKind.SevereWasting => (AlertSeverity.Urgent, "weight is very low for their length or height (below -3 SD)"),
        ClassificationKind.Thinness => (AlertSeverity.Warning, "BMI is low for their age (below -2 SD)"),
        ClassificationKind.SevereThinness => (AlertSeverity.Urgent, "BMI is very low for their age (below -3 SD)"),
        ClassificationKind.Overweight => (AlertSeverity.Info, "weight is high for their length, height or age (above the WHO overweight line)"),
        ClassificationKind.Obesity => (AlertSeverity.Warning, "weight is well above the range for their length, height or age (above the WHO obesity line)"),
        ClassificationKind.Microcephaly => (AlertSeverity.Warning, "head size is small for their age (below -2 SD)"),
        ClassificationKind.SevereMicrocephaly => (AlertSeverity.Urgent, "head size is very small for their age (below -3 SD)"),
        ClassificationKind.Macrocephaly => (AlertSeverity.Warning, "head size is large for their age (above +2 SD)"),
        _ => (AlertSeverity.Urgent, "head size is very large for their age (above +3 SD)"),
    };

    private static string Name(Indicator indicator) => indicator switch
    {
        Indicator.WeightForAge => "weight",
        Indicator.LengthHeightForAge => "length/height",
        Indicator.WeightForLength => "weight for length",
        Indicator.WeightForHeight => "weight for height",
        Indicator.BmiForAge => "BMI",
        Indicator.HeadCircumferenceForAge => "head size",
        Indicator.ArmCircumferenceForAge => "mid-upper arm size",
        Indicator.TricepsSkinfoldForAge => "triceps skinfold",
        _ => "subscapular skinfold",
    };

    private static string Z(double z) => z.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string P(IndicatorPoint p) => p.Result.Percentile!.Value.ToString("0.0", CultureInfo.InvariantCulture);
}
