namespace UpNest.Schedules.Cdsi;

/// <summary>
/// CDSi "Identify and Evaluate Vaccine Group": one antigen gives its result unchanged. When the
/// whole group must be given together (MMR) the next dose waits for the latest antigen; when it
/// need not (DTaP/Tdap/Td) the most urgent antigen sets the dates.
/// </summary>
internal static class VaccineGroupForecast
{
    public static List<CdsiVaccineGroupResult> Combine(IReadOnlyList<VaccineGroupDefinition> groups, List<CdsiAntigenResult> antigens)
    {
        var results = new List<CdsiVaccineGroupResult>();
        foreach (var group in groups)
        {
            var members = antigens.Where(a => a.VaccineGroup == group.Name && group.Antigens.Contains(a.Antigen)).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var open = members.Where(a => a.Status == CdsiSeriesStatus.NotComplete).ToList();
            var status = open.Count > 0 ? CdsiSeriesStatus.NotComplete
                : members.All(a => a.Status == members[0].Status) ? members[0].Status
                : members.Any(a => a.Status == CdsiSeriesStatus.Complete) ? CdsiSeriesStatus.Complete
                : members[0].Status;
            var forecasts = open.Where(a => a.Forecast is not null).Select(a => a.Forecast!).ToList();
            var forecast = forecasts.Count == 0 ? null
                : forecasts.Count == 1 ? forecasts[0]
                : group.AdministerFullGroup ? Together(forecasts) : MostUrgent(forecasts);
            results.Add(new CdsiVaccineGroupResult(group.Name, status, forecast, members.Select(a => a.Antigen).ToList()));
        }

        return results;
    }

    private static CdsiForecast Together(List<CdsiForecast> forecasts)
    {
        var driver = forecasts.MaxBy(f => f.Earliest)!;
        var vaccines = forecasts.Skip(1).Aggregate((IEnumerable<string>)forecasts[0].VaccineCvx, (acc, f) => acc.Intersect(f.VaccineCvx)).ToList();
        return driver with
        {
            Recommended = forecasts.Max(f => f.Recommended),
            PastDue = forecasts.Max(f => f.PastDue),
            Latest = forecasts.Min(f => f.Latest),
            VaccineCvx = vaccines.Count > 0 ? vaccines : driver.VaccineCvx,
        };
    }

    private static CdsiForecast MostUrgent(List<CdsiForecast> forecasts)
    {
        var driver = forecasts.MinBy(f => f.Earliest)!;
        return driver with
        {
            Recommended = forecasts.Min(f => f.Recommended),
            PastDue = forecasts.Where(f => f.PastDue is not null).Min(f => f.PastDue),
            Latest = forecasts.Where(f => f.Latest is not null).Min(f => f.Latest),
            VaccineCvx = forecasts.SelectMany(f => f.VaccineCvx).Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
