namespace UpNest.Schedules.Cdsi;

/// <summary>
/// CDC's CDSi logic ("Logic Specification for ACIP Recommendations") over the embedded
/// supporting data: every dose evaluated per antigen, the best patient series selected per
/// antigen, and a forecast per vaccine group, all as of one assessment day. Doses after that
/// day are ignored, so the same history answers for any day in the past or future.
/// </summary>
public static class CdsiEngine
{
    public static CdsiResult Run(CdsiPatient patient, IEnumerable<CdsiAdministeredDose> administered, DateOnly asOf) =>
        Run(CdsiData.Instance, patient, administered, asOf);

    /// <summary>The CVX codes CDSi maps to at least one antigen, historical products included.</summary>
    public static IReadOnlyCollection<string> KnownCvx => CdsiData.Instance.Cvx.Keys.ToList();

    /// <summary>The antigens a CVX code counts for, per CDSi's CVX-to-antigen map; empty when unknown.</summary>
    public static IReadOnlyList<string> AntigensOf(string cvx) =>
        CdsiData.Instance.Cvx.TryGetValue(cvx, out var entry) ? entry.Antigens.Select(a => a.Antigen).Distinct().ToList() : [];

    internal static CdsiResult Run(CdsiData data, CdsiPatient patient, IEnumerable<CdsiAdministeredDose> administered, DateOnly asOf)
    {
        var history = administered.Select((d, i) => (d, i))
            .Where(x => x.d.DateAdministered <= asOf && x.d.DateAdministered >= patient.DateOfBirth)
            .OrderBy(x => x.d.DateAdministered).ThenBy(x => x.i).Select(x => x.d).ToList();
        var conflicted = LiveVirusConflicted(history, data.LiveVirusConflicts);

        var antigens = new List<CdsiAntigenResult>();
        var evaluatedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var antigen in data.Antigens)
        {
            var series = antigen.Series.Where(s => s.Genders.Count == 0 || s.Genders.Contains(patient.Sex.ToString())).ToList();
            if (series.Count == 0)
            {
                continue;
            }

            var doses = history.Where(d => CountsFor(data, d, antigen.Name, patient.DateOfBirth))
                .Select(d => new AntigenDose(d, conflicted.Contains(d.Id))).ToList();
            var result = EvaluateAntigen(data, antigen, series, patient, doses, history, asOf);
            antigens.Add(result);
            evaluatedIds.UnionWith(doses.Select(d => d.Id));
        }

        var unmapped = history.Where(d => !evaluatedIds.Contains(d.Id))
            .Select(d => new CdsiDoseEvaluation(d.Id, d.Cvx, d.DateAdministered, null, CdsiDoseStatus.Extraneous, CdsiDoseReason.NotInSchedule, null))
            .ToList();
        return new CdsiResult(asOf, antigens, VaccineGroupForecast.Combine(data.VaccineGroups, antigens), unmapped);
    }

    private static CdsiAntigenResult EvaluateAntigen(CdsiData data, AntigenDefinition antigen, List<SeriesDefinition> series,
        CdsiPatient patient, List<AntigenDose> doses, List<CdsiAdministeredDose> history, DateOnly asOf)
    {
        var evaluations = series.Select(s => new SeriesEvaluation(s, patient, doses, history, _ => false)).ToList();
        var usesCompletedSeries = series.Any(s => s.Doses.Any(d => d.Skips.Any(k => k.Sets.Any(x =>
            x.Conditions.Any(c => c.Type == SkipConditionType.CompletedSeries)))));
        if (usesCompletedSeries)
        {
            // A "completed series" skip looks at other series of the antigen: evaluate once without, then with their results.
            var first = evaluations;
            bool Complete(string group) => first.Any(e => e.Series.SeriesGroup == group && e.IsComplete);
            evaluations = series.Select(s => new SeriesEvaluation(s, patient, doses, history, Complete)).ToList();
        }

        var immune = antigen.ImmunityByBirth.Any(i => patient.DateOfBirth < i.BornBefore
            && (i.Country.Length == 0 || (patient.BirthCountry is not null
                && string.Equals(Normalize(patient.BirthCountry), Normalize(i.Country), StringComparison.OrdinalIgnoreCase))));
        var outcomes = evaluations.Select(e =>
        {
            var (status, forecast) = SeriesForecast.Run(e, asOf, immune, data.LiveVirusConflicts, history);
            return new SeriesOutcome(e, status, forecast);
        }).ToList();
        var best = BestSeries.Select(outcomes, patient.DateOfBirth, asOf);
        return new CdsiAntigenResult(antigen.Name, best.Series.VaccineGroup, best.Series.Name, best.Status, best.Evaluation.Evaluations, best.Forecast);
    }

    private static string Normalize(string country) => country.Replace(".", "", StringComparison.Ordinal).Trim();

    private static bool CountsFor(CdsiData data, CdsiAdministeredDose dose, string antigen, DateOnly dob) =>
        data.Cvx.TryGetValue(dose.Cvx, out var entry) && entry.Antigens.Any(a => a.Antigen == antigen
            && (a.BeginAge is null || a.BeginAge.After(dob) <= dose.DateAdministered)
            && (a.EndAge is null || dose.DateAdministered < a.EndAge.After(dob)));

    /// <summary>
    /// CDSi "Evaluate Live Virus Conflict", decided per dose across antigens: a live vaccine given
    /// inside the conflict window of an earlier one is in conflict. The window ends at the minimum
    /// conflict end (grace) after a dose that counted, at the full conflict end after one that did not.
    /// </summary>
    private static HashSet<string> LiveVirusConflicted(List<CdsiAdministeredDose> history, IReadOnlyList<LiveVirusConflict> conflicts)
    {
        var conflicted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var current in history)
        {
            foreach (var rule in conflicts.Where(c => c.CurrentCvx == current.Cvx))
            {
                var hit = history.Any(previous => previous.DateAdministered < current.DateAdministered && previous.Cvx == rule.PreviousCvx
                    && rule.Begin.After(previous.DateAdministered) <= current.DateAdministered
                    && current.DateAdministered < (conflicted.Contains(previous.Id) ? rule.End : rule.MinimumEnd).After(previous.DateAdministered));
                if (hit)
                {
                    conflicted.Add(current.Id);
                    break;
                }
            }
        }

        return conflicted;
    }
}
