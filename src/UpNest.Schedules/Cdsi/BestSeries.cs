namespace UpNest.Schedules.Cdsi;

internal sealed record SeriesOutcome(SeriesEvaluation Evaluation, CdsiSeriesStatus Status, CdsiForecast? Forecast)
{
    public SeriesDefinition Series => Evaluation.Series;

    public int RemainingTargets => Evaluation.Targets.Count(t => t.Status == TargetStatus.NotSatisfied);
}

/// <summary>
/// CDSi "Select Patient Series": one prioritized series per series group (a complete series
/// before one in process, one in process before one with no valid dose; ties scored on valid
/// doses, closeness to completion and earliest dates, then CDC's series preference), then one
/// best series across the groups.
/// </summary>
internal static class BestSeries
{
    public static SeriesOutcome Select(IReadOnlyList<SeriesOutcome> outcomes, DateOnly dateOfBirth, DateOnly asOf)
    {
        var prioritized = outcomes.GroupBy(o => o.Series.SeriesGroup, StringComparer.Ordinal)
            .OrderBy(g => g.Key.PadLeft(4, '0'), StringComparer.Ordinal)
            .Select(g => (Best: InGroup(g.ToList(), dateOfBirth, asOf), CanStart: g.Any(o => CanStart(o.Series, dateOfBirth, asOf))))
            .ToList();
        return prioritized.FirstOrDefault(p => p.Best.Status == CdsiSeriesStatus.Complete).Best
            ?? prioritized.FirstOrDefault(p => p.Best.Evaluation.ValidCount > 0).Best
            ?? prioritized.FirstOrDefault(p => p.CanStart).Best
            ?? prioritized[0].Best;
    }

    private static SeriesOutcome InGroup(List<SeriesOutcome> group, DateOnly dob, DateOnly asOf)
    {
        if (group.Count == 1)
        {
            return group[0];
        }

        var eligible = group.Where(o => StartedInWindow(o.Evaluation, dob)
            && (!o.Series.ProductPath || (o.Evaluation.ValidCount > 0 && o.Evaluation.AllValidDosesPreferable))
            && (!o.Series.EvaluationOnly || o.Status == CdsiSeriesStatus.Complete)).ToList();

        var complete = eligible.Where(o => o.Status == CdsiSeriesStatus.Complete).ToList();
        if (complete.Count > 0)
        {
            return Score(complete,
                o => o.Evaluation.ValidCount,
                o => o.Evaluation.AllValidDosesPreferable ? 1 : 0,
                o => -(o.Evaluation.CompletionDate ?? DateOnly.MaxValue).DayNumber);
        }

        var inProcess = eligible.Where(o => o.Evaluation.ValidCount > 0).ToList();
        if (inProcess.Count > 0)
        {
            return Score(inProcess,
                o => o.Evaluation.ValidCount,
                o => -o.RemainingTargets,
                o => -(o.Forecast?.Earliest ?? DateOnly.MaxValue).DayNumber);
        }

        return group.Where(o => !o.Series.ProductPath && !o.Series.EvaluationOnly && CanStart(o.Series, dob, asOf))
                .MinBy(o => o.Series.Preference)
            ?? group.FirstOrDefault(o => o.Series.IsDefault)
            ?? group.MinBy(o => o.Series.Preference)!;
    }

    /// <summary>Each criterion gives a point to every series that is best on it; CDC's preference breaks ties.</summary>
    private static SeriesOutcome Score(List<SeriesOutcome> candidates, params Func<SeriesOutcome, int>[] criteria)
    {
        var points = new int[candidates.Count];
        foreach (var criterion in criteria)
        {
            var values = candidates.Select(criterion).ToList();
            var best = values.Max();
            for (var i = 0; i < candidates.Count; i++)
            {
                points[i] += values[i] == best ? 1 : 0;
            }
        }

        return candidates.Select((c, i) => (c, p: points[i])).OrderByDescending(x => x.p).ThenBy(x => x.c.Series.Preference).First().c;
    }

    /// <summary>A series with start ages counts only if its first valid dose came inside them.</summary>
    private static bool StartedInWindow(SeriesEvaluation evaluation, DateOnly dob) =>
        evaluation.FirstValidDate is not { } first || InStartWindow(evaluation.Series, dob, first);

    private static bool CanStart(SeriesDefinition series, DateOnly dob, DateOnly asOf) => InStartWindow(series, dob, asOf);

    private static bool InStartWindow(SeriesDefinition series, DateOnly dob, DateOnly day) =>
        (series.MinAgeToStart is null || series.MinAgeToStart.After(dob) <= day)
        && (series.MaxAgeToStart is null || day < series.MaxAgeToStart.After(dob));
}
