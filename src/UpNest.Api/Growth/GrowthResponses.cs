using UpNest.Api.Contracts;
using UpNest.Core.Babies;
using UpNest.Growth;
using UpNest.Growth.Assessment;
using UpNest.Growth.Charts;

namespace UpNest.Api.Growth;

/// <summary>Maps the engine's results to the API's shapes.</summary>
public static class GrowthResponses
{
    public static GrowthSummaryResponse Summary(Baby baby, GrowthAssessment a, DateOnly today)
    {
        var ageDays = Math.Max(0, today.DayNumber - baby.DateOfBirth.DayNumber);
        var prematurity = GrowthAge.PrematurityDays(ageDays, baby.GestationalAgeWeeks, baby.GestationalAgeDays);
        int? corrected = prematurity is { } p ? ageDays - p : null;
        return new GrowthSummaryResponse(
            baby.Id, ageDays, corrected, corrected is null ? "chronological" : "corrected",
            a.Latest.Select(p => new LatestIndicatorResponse(p.Indicator.ToApiName(), p.MeasuredOn, Math.Round(p.Value, 2), p.Result.ZScore, p.Result.Percentile, p.Result.Flag)).ToList(),
            a.Classifications.Select(c => new ClassificationResponse(Kebab(c.Kind.ToString()), c.Indicator.ToApiName(), c.ZScore, c.MeasuredOn, c.Rule)).ToList(),
            a.Trends.Select(t => new TrendResponse(t.Indicator.ToApiName(), t.From, t.To, t.FromZ, t.ToZ, t.ChangeZ, t.MajorLinesCrossed)).ToList(),
            a.WeightVelocities.Select(v => new VelocityResponse(v.From, v.To, v.Days, Math.Round(v.GramsPerDay, 1), Math.Round(v.GramsPerKgPerDay, 1))).ToList(),
            a.Alerts.Select(x => new AlertResponse(Kebab(x.Severity.ToString()), Kebab(x.Kind.ToString()), x.Indicator?.ToApiName(),
                x.Classification is { } k ? Kebab(k.ToString()) : null, x.Message, x.Code, x.Rule, x.Source,
                x.Evidence.Select(e => new AlertEvidenceResponse(e.Name, e.Value, e.Unit)).ToList())).ToList(),
            a.CentileSpaces.Select(c => new CentileSpaceResponse(c.Indicator.ToApiName(), c.MeasuredOn, c.ZScore, c.Space, c.Label,
                c.SinceBirthFrom, c.SpacesSinceBirth, c.HighestOn, c.HighestSpace, c.SpacesSinceHighest)).ToList());
    }

    public static ChartResponse Chart(ChartData c) => new(
        c.Indicator.ToApiName(), c.Sex == UpNest.Growth.Sex.Male ? "male" : "female",
        c.Axis == ChartAxis.LengthCm ? "length" : "age", c.Axis == ChartAxis.LengthCm ? "cm" : "days",
        c.Range.From, c.Range.To, c.ValueUnit, c.UsesCorrectedAge,
        c.Centiles.Select(Curve).ToList(), c.ZScoreLines.Select(Curve).ToList(),
        c.Points.Select(p => new ChartPointResponse(p.X, Math.Round(p.Value, 2), p.ZScore, p.Percentile, p.MeasuredOn,
            p.AgeUsed == AgeBasis.Corrected ? "corrected" : "chronological")).ToList());

    private static CurveResponse Curve(ChartCurve curve) =>
        new(curve.Label, Math.Round(curve.ZScore, 4), curve.Percentile, curve.Points.Select(p => new[] { Math.Round(p.X, 2), Math.Round(p.Y, 3) }).ToList());

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
