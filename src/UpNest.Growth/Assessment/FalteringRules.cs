using System.Globalization;

namespace UpNest.Growth.Assessment;

/// <summary>
/// NICE NG75's weight rules (<see cref="ClinicalRules"/>) applied to a baby's weighings. The early
/// rules count days of life (weight loss after birth does not depend on gestation); the centile
/// rules use the z-scores, which are at corrected age for preterm babies.
/// </summary>
internal static class FalteringRules
{
    private const string Talk = "Please talk to your health visitor or paediatrician about it.";
    private const string Soon = "Please contact your midwife, health visitor or paediatrician soon so they can check on your baby and the feeding.";

    public static IEnumerable<GrowthAlert> Alerts(BabyProfile baby, List<GrowthMeasurement> measurements, List<IndicatorPoint> points)
    {
        var weighings = measurements.Where(m => m.WeightKg is > 0).ToList();
        var birthWeight = baby.BirthWeightKg ?? weighings.FirstOrDefault(m => m.MeasuredOn == baby.BirthDate)?.WeightKg;
        if (birthWeight is { } bw && weighings.Count > 0)
        {
            if (EarlyLoss(baby, weighings, bw) is { } early) yield return early;
            if (NotRegained(baby, weighings[^1], bw) is { } late) yield return late;
        }
        var weights = points.Where(p => p.Indicator == Indicator.WeightForAge && !p.Result.IsImplausible
            && p.Result.Reference == GrowthReference.Who2006).ToList();
        if (weights.Count == 0) yield break;
        var latest = weights[^1];
        if (latest.Result.ZScore < ClinicalRules.BelowSecondCentile.Threshold)
        {
            yield return Alert(ClinicalRules.BelowSecondCentile, Talk,
                $"Your baby's latest weight ({latest.MeasuredOn:yyyy-MM-dd}) is below the 2nd centile line of the growth chart.",
                [new("latestZScore", latest.Result.ZScore!.Value, "z"), new("latestPercentile", latest.Result.Percentile!.Value, "centile"),
                 new("thresholdZScore", ClinicalRules.BelowSecondCentile.Threshold, "z")]);
        }
        if (CentileFall(baby, birthWeight, weights) is { } fall) yield return fall;
    }

    private static GrowthAlert? EarlyLoss(BabyProfile baby, List<GrowthMeasurement> weighings, double birthWeight)
    {
        var latest = weighings[^1];
        var latestDay = DayOfLife(baby, latest);
        if (latestDay is < 1 or >= ClinicalRules.EarlyDaysOfLife || latest.WeightKg >= birthWeight) return null;
        var lowest = weighings.Where(m => DayOfLife(baby, m) is >= 1 and < ClinicalRules.EarlyDaysOfLife).MinBy(m => m.WeightKg!.Value)!;
        var lossPercent = 100 * (birthWeight - lowest.WeightKg!.Value) / birthWeight;
        // Compare in grams so that exactly 10 % (3.5 → 3.15 kg) is not "more than 10 %" by float noise.
        if (Math.Round(lossPercent, 6) <= ClinicalRules.EarlyWeightLoss.Threshold) return null;
        return Alert(ClinicalRules.EarlyWeightLoss, Soon,
            $"Your baby's weight on day {DayOfLife(baby, lowest)} was {Percent(lossPercent)} % below the birth weight. " +
            "Most babies lose a little weight after birth, but a loss of more than a tenth is worth checking early.",
            [new("birthWeightKg", birthWeight, "kg"), new("lowestWeightKg", lowest.WeightKg.Value, "kg"),
             new("lowestDayOfLife", DayOfLife(baby, lowest), "days"), new("lossPercent", Math.Round(lossPercent, 1), "%"),
             new("thresholdPercent", ClinicalRules.EarlyWeightLoss.Threshold, "%")]);
    }

    private static GrowthAlert? NotRegained(BabyProfile baby, GrowthMeasurement latest, double birthWeight)
    {
        var day = DayOfLife(baby, latest);
        if (day < ClinicalRules.EarlyDaysOfLife || latest.WeightKg >= birthWeight) return null;
        return Alert(ClinicalRules.BirthWeightNotRegained, Talk,
            $"Your baby's weight on day {day} ({latest.WeightKg:0.###} kg) is still below the birth weight ({birthWeight:0.###} kg). " +
            "Most babies are back to their birth weight by 3 weeks.",
            [new("birthWeightKg", birthWeight, "kg"), new("latestWeightKg", latest.WeightKg!.Value, "kg"),
             new("latestDayOfLife", day, "days"), new("byDayOfLife", ClinicalRules.EarlyDaysOfLife, "days")]);
    }

    /// <summary>
    /// The fall from the higher of the birth centile and the highest centile reached after the first
    /// weeks, cumulative over all visits, against NG75's threshold for the birth centile's band. A
    /// preterm baby has no WHO centile before term, so the first centile at corrected age stands in.
    /// </summary>
    private static GrowthAlert? CentileFall(BabyProfile baby, double? birthWeight, List<IndicatorPoint> weights)
    {
        var latest = weights[^1];
        var birthZ = BirthZ(baby, birthWeight);
        var birthFrom = birthZ is null ? weights[0] : null;
        var birthBandZ = birthZ ?? birthFrom!.Result.ZScore!.Value;
        var earlier = weights.Take(weights.Count - 1).Where(p => p.X >= ClinicalRules.FirstWeeksDays || p == birthFrom).ToList();
        var referenceSpace = birthZ is { } z ? NineLineChart.SpaceOf(z) : -1;
        IndicatorPoint? referencePoint = null;
        foreach (var p in earlier)
        {
            var space = NineLineChart.SpaceOf(p.Result.ZScore!.Value);
            if (space > referenceSpace) (referenceSpace, referencePoint) = (space, p);
        }
        if (referenceSpace < 0) return null;
        var latestSpace = NineLineChart.SpaceOf(latest.Result.ZScore!.Value);
        var fallen = referenceSpace - latestSpace;
        var threshold = ClinicalRules.ThresholdFor(birthBandZ);
        if (fallen < threshold.SpacesOfFall) return null;
        var from = referencePoint is null ? "birth" : referencePoint.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var referenceZ = referencePoint?.Result.ZScore ?? birthZ!.Value;
        return Alert(ClinicalRules.CentileFall, Talk,
            $"Your baby's weight has moved down from the {NineLineChart.Label(referenceSpace)} centile space ({from}) to the " +
            $"{NineLineChart.Label(latestSpace)} space ({latest.MeasuredOn:yyyy-MM-dd}): {fallen} centile spaces. Each step may look " +
            $"small; together they are a larger change than usual for a baby whose birth weight was {threshold.Band}.",
            [new("birthZScore", birthBandZ, "z"), new("birthCentileAgeDays", birthZ is null ? birthFrom!.X : 0, "days"),
             new("referenceZScore", referenceZ, "z"), new("referenceSpace", referenceSpace, "space"),
             new("latestZScore", latest.Result.ZScore!.Value, "z"), new("latestSpace", latestSpace, "space"),
             new("spacesFallen", fallen, "spaces"), new("thresholdSpaces", threshold.SpacesOfFall, "spaces")]);
    }

    /// <summary>The WHO z of birth weight for a baby born at term (day 0, no correction), else null.</summary>
    private static double? BirthZ(BabyProfile baby, double? birthWeight)
    {
        if (birthWeight is not { } bw || GrowthAge.PrematurityDays(0, baby.GestationalAgeWeeks, baby.GestationalAgeDays) is not null) return null;
        var z = GrowthCalculator.ZScoreOrNaN(Indicator.WeightForAge, baby.Sex, 0, bw);
        if (double.IsNaN(z)) return null;
        var rounded = ZScores.WhoRounding.Round2(z);
        return ZScores.WhoRules.Flag(Indicator.WeightForAge, rounded) is null ? rounded : null;
    }

    private static int DayOfLife(BabyProfile baby, GrowthMeasurement m) => GrowthAge.FromDates(baby.BirthDate, m.MeasuredOn);

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static GrowthAlert Alert(ClinicalRule rule, string advice, string what, AlertEvidence[] evidence) =>
        new(rule.Severity, rule.Kind, Indicator.WeightForAge, null, $"{what} {advice}")
        {
            Code = rule.Code,
            Rule = rule.Statement,
            Source = rule.Source,
            Evidence = evidence,
        };
}
