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
                "typing or measuring slip. Please check the entry; if it is correct, ask your paediatrician to measure again.")
            {
                Code = "who-implausible-value", Rule = "z-score outside the WHO flag limits", Source = WhoFlags,
                Evidence = [new("zScore", p.Result.ZScore!.Value, "z")],
            });
        }
        foreach (var c in classifications)
        {
            var (severity, text) = Describe(c.Kind);
            alerts.Add(new(severity, AlertKind.Classification, c.Indicator, c.Kind,
                $"Your baby's {text} on the WHO growth charts (z-score {Z(c.ZScore)}). {(severity == AlertSeverity.Urgent ? Soon : Talk)}")
            {
                Code = "who-" + Kebab(c.Kind.ToString()), Rule = c.Rule, Source = WhoCutOffs,
                Evidence = [new("zScore", c.ZScore, "z")],
            });
        }
        var nice = FalteringRules.Alerts(baby, measurements, points).ToList();
        // A percentile alert would repeat a classification or NG75 alert of the same indicator (or of
        // weight-for-length/height, which BMI-for-age mirrors under 5 years).
        bool Covered(IndicatorPoint p) => classifications.Any(c => c.Indicator == p.Indicator
            || (p.Indicator == Indicator.BmiForAge && c.Indicator is Indicator.WeightForLength or Indicator.WeightForHeight))
            || nice.Any(a => a.Kind == AlertKind.WeightBelowSecondCentile && a.Indicator == p.Indicator);
        foreach (var p in latest.Where(p => !p.Result.IsImplausible && !Covered(p)))
        {
            var evidence = new AlertEvidence[] { new("zScore", p.Result.ZScore!.Value, "z"), new("percentile", p.Result.Percentile!.Value, "centile") };
            if (p.Result.Percentile < 3)
                alerts.Add(new(AlertSeverity.Warning, AlertKind.BelowThirdPercentile, p.Indicator, null,
                    $"Your baby's {Name(p.Indicator)} is below the 3rd percentile of the WHO growth charts (percentile {P(p)}). " +
                    "Many small babies are healthy, and a paediatrician can tell by following the growth over time. " + Talk)
                {
                    Code = "percentile-below-3rd", Rule = "latest percentile below 3", Source = UpNestRule, Evidence = evidence,
                });
            else if (p.Result.Percentile > 97)
                alerts.Add(new(p.Indicator == Indicator.HeadCircumferenceForAge ? AlertSeverity.Warning : AlertSeverity.Info,
                    AlertKind.AboveNinetySeventhPercentile, p.Indicator, null,
                    $"Your baby's {Name(p.Indicator)} is above the 97th percentile of the WHO growth charts (percentile {P(p)}). " +
                    "Many big babies are healthy; your paediatrician can look at it together with earlier measurements. " + Talk)
                {
                    Code = "percentile-above-97th", Rule = "latest percentile above 97", Source = UpNestRule, Evidence = evidence,
                });
        }
        alerts.AddRange(Crossings(points, trends));
        alerts.AddRange(nice);
        if (WeightLoss(baby, measurements) is { } loss) alerts.Add(loss);
        return [.. alerts.OrderByDescending(a => a.Severity)];
    }

    private const string WhoCutOffs = "WHO Child Growth Standards 2006 / Growth Reference 2007 cut-offs";
    private const string WhoFlags = "WHO igrowup / who2007 flag limits";
    private const string UpNestRule = "UpNest (DESIGN.md), not a WHO or NICE rule";

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
                $"percentile lines {since}. Babies usually follow roughly the same line, so this is worth a look. " + Talk)
            {
                Code = down ? "major-lines-crossed-down" : "major-lines-crossed-up",
                Rule = "two or more of the 3rd, 15th, 50th, 85th and 97th centile lines crossed " + since,
                Source = UpNestRule,
                Evidence = [new("linesCrossed", crossed, "lines")],
            };
        }
    }

    /// <summary>
    /// Weight lost between two weighings at least a week apart after the early days of life (UpNest
    /// heuristic for weight velocity; NG75 itself counts centile spaces, see <see cref="FalteringRules"/>).
    /// </summary>
    private static GrowthAlert? WeightLoss(BabyProfile baby, List<GrowthMeasurement> measurements)
    {
        var weighings = measurements.Where(m => m.WeightKg is > 0).ToList();
        if (weighings.Count < 2) return null;
        var (previous, last) = (weighings[^2], weighings[^1]);
        var days = last.MeasuredOn.DayNumber - previous.MeasuredOn.DayNumber;
        if (GrowthAge.FromDates(baby.BirthDate, previous.MeasuredOn) < ClinicalRules.EarlyDaysOfLife || days < 7 || last.WeightKg >= previous.WeightKg)
            return null;
        return new GrowthAlert(AlertSeverity.Warning, AlertKind.WeightLoss, Indicator.WeightForAge, null,
            "Your baby's weight has gone down since the previous weighing. Weight gain varies, but your health visitor or " +
            "paediatrician will want to know and can check feeding and growth. " + Talk)
        {
            Code = "weight-loss-between-weighings",
            Rule = "weight lower than at the previous weighing 7 or more days earlier, after day 21 of life",
            Source = UpNestRule,
            Evidence = [new("previousWeightKg", previous.WeightKg!.Value, "kg"), new("latestWeightKg", last.WeightKg!.Value, "kg"), new("days", days, "days")],
        };
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

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
