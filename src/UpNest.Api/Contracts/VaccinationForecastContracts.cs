using UpNest.Core.Vaccinations;
using UpNest.Schedules.Cdsi;

namespace UpNest.Api.Contracts;

/// <summary>CDSi's evaluation of a given dose: <c>valid</c>, <c>not-valid</c> or <c>extraneous</c>, with CDSi's reason.</summary>
public sealed record DoseEvaluationResponse(CdsiDoseStatus Status, CdsiDoseReason Reason, IReadOnlyList<AntigenEvaluationResponse> Antigens)
{
    public static DoseEvaluationResponse? From(DoseEvaluation? evaluation) => evaluation is null ? null
        : new(evaluation.Status, evaluation.Reason,
            evaluation.Antigens.Select(a => new AntigenEvaluationResponse(a.Antigen, a.Status, a.Reason, a.TargetDose)).ToList());
}

public sealed record AntigenEvaluationResponse(string? Antigen, CdsiDoseStatus Status, CdsiDoseReason Reason, int? TargetDose);

/// <summary>
/// CDSi's forecast of one vaccine group on the list's day: the series status and, while not
/// complete, the next dose with its earliest, recommended, past-due and latest dates, what set
/// the earliest date, and the CVX codes of the vaccines that may be given.
/// </summary>
public sealed record VaccineGroupForecastResponse(
    string VaccineGroup, CdsiSeriesStatus SeriesStatus, IReadOnlyList<string> Antigens, int? DoseNumber,
    DateOnly? EarliestOn, DateOnly? RecommendedOn, DateOnly? PastDueOn, DateOnly? LatestOn,
    CdsiDateBasis? EarliestFrom, string? Interval, IReadOnlyList<string> Vaccines)
{
    public static IReadOnlyList<VaccineGroupForecastResponse>? From(VaccinationForecast? forecast) =>
        forecast?.Result.VaccineGroups.Select(g => new VaccineGroupForecastResponse(
            g.VaccineGroup, g.Status, g.Antigens, g.Forecast?.DoseNumber, g.Forecast?.Earliest, g.Forecast?.Recommended,
            g.Forecast?.PastDue, g.Forecast?.Latest, g.Forecast?.EarliestBasis, g.Forecast?.BasisInterval,
            g.Forecast?.VaccineCvx ?? [])).ToList();
}
