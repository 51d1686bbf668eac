using UpNest.Growth.ZScores;

namespace UpNest.Growth.Assessment;

/// <summary>Latest z-scores, WHO classifications, trends, weight velocity and alerts for one baby.</summary>
public static class GrowthAssessor
{
    /// <summary>z of the 3rd, 15th, 50th, 85th and 97th centiles, the major lines on WHO charts.</summary>
    public static IReadOnlyList<double> MajorCentileLines { get; } =
        [.. new[] { 0.03, 0.15, 0.5, 0.85, 0.97 }.Select(NormalDistribution.Quantile)];

    public static GrowthAssessment Assess(BabyProfile baby, IEnumerable<GrowthMeasurement> measurements)
    {
        var ordered = measurements.OrderBy(m => m.MeasuredOn).ToList();
        var points = new List<IndicatorPoint>();
        foreach (var m in ordered) points.AddRange(PointsOf(baby, m));

        var latest = points.GroupBy(p => p.Indicator).Select(g => g.Last()).OrderBy(p => p.Indicator).ToList();
        var trends = Trends(points);
        var velocities = Velocities(ordered);
        var classifications = Classifier.Classify(latest);
        var alerts = AlertRules.Alerts(baby, ordered, points, latest, classifications, trends);
        return new GrowthAssessment(latest, points, classifications, trends, velocities, alerts, CentileSpaces.Summarize(points));
    }

    /// <summary>The computed z-scores of one measurement as chartable points.</summary>
    public static IEnumerable<IndicatorPoint> PointsOf(BabyProfile baby, GrowthMeasurement m)
    {
        var input = m.ToInput(baby);
        var result = GrowthCalculator.Calculate(input);
        var age = result.CorrectedAgeDays ?? result.AgeDays!.Value;
        var clenhei = GrowthCalculator.AdjustedLengthHeight(m.LengthHeightCm, m.Position, age);
        foreach (var r in result.Results)
        {
            if (r.ZScore is null) continue;
            var is2006 = r.Reference == GrowthReference.Who2006;
            var lengthHeight = is2006 ? clenhei : m.LengthHeightCm;
            double? value = r.Indicator switch
            {
                Indicator.WeightForAge or Indicator.WeightForLength or Indicator.WeightForHeight => m.WeightKg,
                Indicator.LengthHeightForAge => lengthHeight,
                Indicator.BmiForAge => GrowthCalculator.Bmi(m.WeightKg!.Value, lengthHeight!.Value),
                Indicator.HeadCircumferenceForAge => m.HeadCircumferenceCm,
                Indicator.ArmCircumferenceForAge => m.ArmCircumferenceCm,
                Indicator.TricepsSkinfoldForAge => m.TricepsSkinfoldMm,
                _ => m.SubscapularSkinfoldMm,
            };
            var x = r.Indicator is Indicator.WeightForLength or Indicator.WeightForHeight ? clenhei!.Value : age;
            yield return new IndicatorPoint(r.Indicator, m.MeasuredOn, result.AgeDays!.Value, result.CorrectedAgeDays,
                result.AgeUsed, x, value!.Value, r);
        }
    }

    /// <summary>Signed number of major centile lines between two z-scores (positive when rising).</summary>
    public static int MajorLinesCrossed(double fromZ, double toZ)
    {
        var count = 0;
        foreach (var line in MajorCentileLines)
        {
            if (fromZ < line && toZ >= line) count++;
            else if (fromZ >= line && toZ < line) count--;
        }
        return count;
    }

    private static List<ZScoreTrend> Trends(List<IndicatorPoint> points)
    {
        var trends = new List<ZScoreTrend>();
        // Implausible values would fake a crossing, so trends skip them.
        foreach (var series in points.Where(p => !p.Result.IsImplausible).GroupBy(p => p.Indicator))
        {
            IndicatorPoint? previous = null;
            foreach (var p in series)
            {
                if (previous is not null)
                {
                    var from = previous.Result.ZScore!.Value;
                    var to = p.Result.ZScore!.Value;
                    trends.Add(new ZScoreTrend(p.Indicator, previous.MeasuredOn, p.MeasuredOn, from, to,
                        WhoRounding.Round2(to - from), MajorLinesCrossed(from, to)));
                }
                previous = p;
            }
        }
        return trends;
    }

    private static List<WeightVelocity> Velocities(List<GrowthMeasurement> ordered)
    {
        var velocities = new List<WeightVelocity>();
        GrowthMeasurement? previous = null;
        foreach (var m in ordered.Where(m => m.WeightKg is > 0))
        {
            var days = previous is null ? 0 : m.MeasuredOn.DayNumber - previous.MeasuredOn.DayNumber;
            if (previous is not null && days > 0)
            {
                var w1 = previous.WeightKg!.Value;
                var w2 = m.WeightKg!.Value;
                var gramsPerDay = 1000 * (w2 - w1) / days;
                velocities.Add(new WeightVelocity(previous.MeasuredOn, m.MeasuredOn, days,
                    WhoRounding.Round(gramsPerDay, 1), WhoRounding.Round(gramsPerDay / ((w1 + w2) / 2), 1)));
            }
            if (previous is null || days > 0) previous = m;
        }
        return velocities;
    }
}
