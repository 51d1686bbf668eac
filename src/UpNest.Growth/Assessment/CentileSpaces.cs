namespace UpNest.Growth.Assessment;

/// <summary>
/// Where an indicator's latest plausible z-score sits on the nine-line chart and how far it has
/// moved: signed centile spaces (positive up) since the first plausible value (the birth value when
/// measured at birth) and since the highest space reached (zero or negative).
/// </summary>
public sealed record CentileSpaceSummary(
    Indicator Indicator,
    DateOnly MeasuredOn,
    double ZScore,
    int Space,
    string Label,
    DateOnly SinceBirthFrom,
    int SpacesSinceBirth,
    DateOnly HighestOn,
    int HighestSpace,
    int SpacesSinceHighest);

internal static class CentileSpaces
{
    public static List<CentileSpaceSummary> Summarize(IEnumerable<IndicatorPoint> points) =>
        [.. points.Where(p => !p.Result.IsImplausible).GroupBy(p => p.Indicator).OrderBy(g => g.Key).Select(series =>
        {
            var list = series.ToList();
            var latest = list[^1];
            var space = NineLineChart.SpaceOf(latest.Result.ZScore!.Value);
            var first = NineLineChart.SpaceOf(list[0].Result.ZScore!.Value);
            // The first point reaching the highest space: "since the highest point" counts from there.
            var highest = list.MaxBy(p => NineLineChart.SpaceOf(p.Result.ZScore!.Value))!;
            var highestSpace = NineLineChart.SpaceOf(highest.Result.ZScore!.Value);
            return new CentileSpaceSummary(series.Key, latest.MeasuredOn, latest.Result.ZScore!.Value, space, NineLineChart.Label(space),
                list[0].MeasuredOn, space - first, highest.MeasuredOn, highestSpace, space - highestSpace);
        })];
}
