using UpNest.Core.Babies;
using UpNest.Schedules.Cdsi;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>What CDSi says about one recorded dose: the worst of its antigens' evaluations.</summary>
public sealed record DoseEvaluation(CdsiDoseStatus Status, CdsiDoseReason Reason, IReadOnlyList<CdsiDoseEvaluation> Antigens);

/// <summary>The CDSi run behind a baby's list on one day: per record its evaluation, per vaccine group its forecast.</summary>
public sealed record VaccinationForecast(DateOnly AsOf, CdsiResult Result, IReadOnlyDictionary<string, DoseEvaluation> ByRecord)
{
    /// <summary>
    /// US babies only (CDSi encodes ACIP's recommendations). The family's records become CDSi's
    /// dose history: one administration per product and day, so a combination product recorded
    /// under three keys is evaluated once, and each record shows the antigens of its own key.
    /// </summary>
    public static VaccinationForecast? For(Baby baby, VaccinationSchedule schedule, IReadOnlyList<VaccinationDose> records, DateOnly asOf)
    {
        if (schedule.Id != ScheduleCatalog.Us.Id)
        {
            return null;
        }

        var administrations = new List<CdsiAdministeredDose>();
        var recordDose = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in records.Where(r => r.Given is not null && r.Given.GivenOn <= asOf)
                     .GroupBy(r => (Cvx: CdsiScheduleKeys.CvxFor(r.Vaccine, r.Given!.Cvx) ?? "none:" + r.Id, r.Given!.GivenOn)))
        {
            var first = group.OrderBy(r => r.Id, StringComparer.Ordinal).First();
            administrations.Add(new CdsiAdministeredDose(first.Id, group.Key.Cvx, group.Key.GivenOn));
            foreach (var record in group)
            {
                recordDose[record.Id] = first.Id;
            }
        }

        var sex = baby.Sex switch { Sex.Female => CdsiSex.Female, Sex.Male => CdsiSex.Male, _ => CdsiSex.Unknown };
        var result = CdsiEngine.Run(new CdsiPatient(baby.DateOfBirth, sex, baby.Country), administrations, asOf);
        var byDose = result.Antigens.SelectMany(a => a.Doses).Concat(result.Unmapped).ToLookup(e => e.DoseId, StringComparer.Ordinal);
        var byRecord = new Dictionary<string, DoseEvaluation>(StringComparer.Ordinal);
        foreach (var (recordId, doseId) in recordDose)
        {
            var record = records.First(r => r.Id == recordId);
            var all = byDose[doseId].ToList();
            var own = all.Where(e => e.Antigen is not null && CdsiScheduleKeys.AntigensFor(record.Vaccine).Contains(e.Antigen)).ToList();
            var shown = own.Count > 0 ? own : all;
            var worst = shown.OrderByDescending(e => Severity(e.Status)).FirstOrDefault();
            byRecord[recordId] = worst is null
                ? new DoseEvaluation(CdsiDoseStatus.Extraneous, CdsiDoseReason.NotInSchedule, [])
                : new DoseEvaluation(worst.Status, worst.Reason, shown);
        }

        return new VaccinationForecast(asOf, result, byRecord);
    }

    /// <summary>
    /// The plan held to CDSi's forecast, so nobody is told a dose is due on a day it would not
    /// count: the first pending dose of each key is due no earlier than the forecast's earliest
    /// date (a late or invalid dose moves the next one). The plan's own dates are returned for
    /// other records, and for keys CDSi has no forecast for.
    /// </summary>
    public PlannedDose? Effective(VaccinationDose record, IReadOnlyList<VaccinationDose> records)
    {
        if (record.PendingDueOn is null || GroupOf(record.Vaccine)?.Forecast is not { } forecast || forecast.DoseNumber > record.DoseNumber)
        {
            return record.Planned;
        }

        var first = records.Where(r => r.PendingDueOn is not null && string.Equals(r.Vaccine, record.Vaccine, StringComparison.OrdinalIgnoreCase))
            .MinBy(r => r.DoseNumber);
        return first?.Id == record.Id ? IntervalHold.HeldUntil(record.Planned!, forecast.Earliest) : record.Planned;
    }

    /// <summary>True when CDSi says the key's vaccine group needs no more doses (complete, immune, aged out, not recommended).</summary>
    public bool Closes(string vaccineKey) => GroupOf(vaccineKey)?.Status is { } status && status != CdsiSeriesStatus.NotComplete;

    private CdsiVaccineGroupResult? GroupOf(string vaccineKey)
    {
        var antigens = CdsiScheduleKeys.AntigensFor(vaccineKey);
        var group = Result.Antigens.FirstOrDefault(a => antigens.Contains(a.Antigen))?.VaccineGroup;
        return group is null ? null : Result.Group(group);
    }

    private static int Severity(CdsiDoseStatus status) => status switch
    {
        CdsiDoseStatus.NotValid => 2,
        CdsiDoseStatus.Extraneous => 1,
        _ => 0,
    };
}
