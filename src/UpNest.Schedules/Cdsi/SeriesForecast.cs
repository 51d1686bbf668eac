namespace UpNest.Schedules.Cdsi;

/// <summary>
/// CDSi "Forecast Dates and Reasons" for one evaluated series as of the assessment date:
/// forecast-context conditional skips, forecast need (complete, immune, aged out, season over)
/// and the earliest, recommended, past-due and latest dates of the next target dose.
/// </summary>
internal static class SeriesForecast
{
    public static (CdsiSeriesStatus Status, CdsiForecast? Forecast) Run(
        SeriesEvaluation series, DateOnly asOf, bool immune, IReadOnlyList<LiveVirusConflict> conflicts,
        IReadOnlyList<CdsiAdministeredDose> allDoses)
    {
        if (immune)
        {
            return (CdsiSeriesStatus.Immune, null);
        }

        var first = series.Targets.FindIndex(t => t.Status == TargetStatus.NotSatisfied);
        var index = first < 0 ? series.Targets.Count : series.SkipFrom(first, SkipContext.Forecast, asOf, series.Doses.Count);
        if (index >= series.Targets.Count)
        {
            // Skipped to the end with nothing given: CDSi says another dose is not recommended.
            return (series.ValidCount > 0 ? CdsiSeriesStatus.Complete : CdsiSeriesStatus.NotRecommended, null);
        }

        var dob = series.Patient.DateOfBirth;
        var target = series.Targets[index].Definition;
        var age = target.AgeOn(asOf);
        var maximum = age?.Maximum?.After(dob);
        if (maximum is not null && asOf >= maximum)
        {
            return (CdsiSeriesStatus.AgedOut, null);
        }

        if (target.SeasonEnd is { } seasonEnd && asOf > seasonEnd)
        {
            return (CdsiSeriesStatus.NotComplete, null);
        }

        var earliest = (age?.Minimum ?? age?.AbsoluteMinimum)?.After(dob) ?? dob;
        var basis = CdsiDateBasis.MinimumAge;
        var basisText = (age?.Minimum ?? age?.AbsoluteMinimum)?.Text;
        var recommendedByInterval = new List<DateOnly>();
        var pastDueByInterval = new List<DateOnly>();
        var previous = series.LastEvaluatedDose();
        foreach (var rule in target.Intervals.Where(r => r.Validity.Covers(asOf)))
        {
            var reference = series.ReferenceDate(rule.FromPrevious, rule.FromTargetDose, rule.FromMostRecent,
                rule.FromObservation, previous, asOf.AddDays(1));
            if (reference is not { } from)
            {
                continue;
            }

            if ((rule.Minimum ?? rule.AbsoluteMinimum) is { } minimum && minimum.After(from) > earliest)
            {
                earliest = minimum.After(from);
                basis = rule.FromPrevious ? CdsiDateBasis.IntervalFromPrevious
                    : rule.FromTargetDose is not null ? CdsiDateBasis.IntervalFromTargetDose : CdsiDateBasis.IntervalFromMostRecent;
                basisText = minimum.Text;
            }

            if (rule.EarliestRecommended is { } earliestRecommended)
            {
                recommendedByInterval.Add(earliestRecommended.After(from));
            }

            if (rule.LatestRecommended is { } latest)
            {
                pastDueByInterval.Add(latest.After(from).AddDays(-1));
            }
        }

        var vaccines = Vaccines(target, dob, asOf > earliest ? asOf : earliest);
        var conflictEnd = LiveVirusConflictEnd(vaccines, conflicts, allDoses, asOf);
        if (conflictEnd is { } end && end > earliest)
        {
            (earliest, basis, basisText) = (end, CdsiDateBasis.LiveVirusConflict, null);
        }

        if (target.SeasonStart is { } seasonStart && seasonStart > earliest)
        {
            (earliest, basis, basisText) = (seasonStart, CdsiDateBasis.SeasonStart, null);
        }

        var unadjustedRecommended = age?.EarliestRecommended?.After(dob)
            ?? (recommendedByInterval.Count > 0 ? recommendedByInterval.Max() : earliest);
        var recommended = unadjustedRecommended > earliest ? unadjustedRecommended : earliest;
        var pastDue = age?.LatestRecommended?.After(dob).AddDays(-1)
            ?? (pastDueByInterval.Count > 0 ? pastDueByInterval.Max() : null);
        var latestDate = maximum?.AddDays(-1);
        return (CdsiSeriesStatus.NotComplete,
            new CdsiForecast(target.Number, earliest, recommended, pastDue, latestDate, basis, basisText, vaccines));
    }

    /// <summary>The vaccines CDSi forecasts: preferable ones flagged as forecast types, else every preferable one, for the patient's age then.</summary>
    private static List<string> Vaccines(TargetDoseDefinition target, DateOnly dob, DateOnly day)
    {
        var preferable = target.Preferable.Where(v => v.CoversAge(dob, day)).ToList();
        var flagged = preferable.Where(v => v.ForecastType).ToList();
        return (flagged.Count > 0 ? flagged : preferable).Select(v => v.Cvx).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The latest conflict end date a live vaccine about to be forecast must wait for: the full
    /// conflict end interval after any earlier live dose (the grace form applies to evaluation only).
    /// </summary>
    private static DateOnly? LiveVirusConflictEnd(IReadOnlyList<string> vaccines, IReadOnlyList<LiveVirusConflict> conflicts,
        IReadOnlyList<CdsiAdministeredDose> allDoses, DateOnly asOf)
    {
        DateOnly? end = null;
        foreach (var conflict in conflicts.Where(c => vaccines.Contains(c.CurrentCvx)))
        {
            foreach (var dose in allDoses.Where(d => d.Cvx == conflict.PreviousCvx && d.DateAdministered <= asOf))
            {
                var until = conflict.End.After(dose.DateAdministered);
                if (end is null || until > end)
                {
                    end = until;
                }
            }
        }

        return end;
    }
}
