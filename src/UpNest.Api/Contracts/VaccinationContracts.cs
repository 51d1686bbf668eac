using UpNest.Core.Vaccinations;
using UpNest.Schedules;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Api.Contracts;

/// <summary>A planned or given dose as clients see it (DESIGN.md "vaccination").</summary>
public record DoseResponse
{
    public string Id { get; init; } = "";
    public string BabyId { get; init; } = "";
    public string Vaccine { get; init; } = "";
    public int DoseNumber { get; init; }
    public string? DisplayName { get; init; }
    public string Status { get; init; } = "";

    /// <summary>Schedule id (<c>US</c>, <c>UK</c>, <c>WHO</c>); null for a dose outside the schedule.</summary>
    public string? Schedule { get; init; }

    public string? Recommendation { get; init; }
    public DateOnly? EarliestOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public DateOnly? OverdueOn { get; init; }

    /// <summary>The last day the dose may be given; null when there is no maximum age.</summary>
    public DateOnly? MaxAgeOn { get; init; }

    public DateOnly? GivenOn { get; init; }
    public string? Cvx { get; init; }
    public string? Product { get; init; }
    public string? LotNumber { get; init; }
    public string? Site { get; init; }
    public string? Route { get; init; }
    public string? Provider { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<DoseWarningResponse> Warnings { get; init; } = [];
    public IReadOnlyList<ReactionResponse> Reactions { get; init; } = [];
    public string? SkipReason { get; init; }
    public long Version { get; init; }

    /// <summary>CDSi's evaluation of a given dose (US schedule, list route); null elsewhere.</summary>
    public DoseEvaluationResponse? Evaluation { get; init; }

    public static DoseResponse From(DoseView view)
    {
        var (d, planned, given) = (view.Dose, view.Dose.Planned, view.Dose.Given);
        return new DoseResponse
        {
            Id = d.Id, BabyId = d.BabyId, Vaccine = d.Vaccine, DoseNumber = d.DoseNumber, DisplayName = planned?.DisplayName,
            Status = view.Status.ToApi(), Schedule = planned?.Schedule, Recommendation = planned?.Recommendation.ToApi(),
            EarliestOn = planned?.EarliestOn, DueOn = planned?.DueOn, OverdueOn = planned?.OverdueOn, MaxAgeOn = planned?.MaxAgeOn,
            GivenOn = given?.GivenOn, Cvx = given?.Cvx, Product = given?.Product, LotNumber = given?.LotNumber,
            Site = given?.Site is { } site ? DoseNames.Name(site) : null, Route = given?.Route is { } route ? DoseNames.Name(route) : null,
            Provider = given?.Provider, Note = given?.Note,
            Warnings = d.Warnings.Select(w => new DoseWarningResponse(w.Code, w.Message)).ToList(),
            Reactions = d.Reactions.Select(ReactionResponse.From).ToList(), SkipReason = d.SkipReason, Version = d.Version,
        };
    }
}

/// <summary>POST answer: the dose asked for, and the other doses the same combination product completed.</summary>
public sealed record RecordedDoseResponse : DoseResponse
{
    public RecordedDoseResponse(DoseResponse dose, IReadOnlyList<DoseResponse> alsoCompleted)
        : base(dose) => AlsoCompleted = alsoCompleted;

    public IReadOnlyList<DoseResponse> AlsoCompleted { get; init; }
}

/// <summary>An item of the due list across the caller's babies.</summary>
public sealed record DueDoseResponse : DoseResponse
{
    public DueDoseResponse(DoseResponse dose, string babyName)
        : base(dose) => BabyName = babyName;

    public string BabyName { get; init; }
}

public sealed record DoseWarningResponse(string Code, string Message);

public sealed record ReportToResponse(string Name, string? Url);

public sealed record ReactionResponse(
    string Id, string Type, string Severity, double? OnsetHours, double? DurationHours, string? Outcome, bool? CareSought,
    string? Note, bool Reportable, ReportToResponse? ReportTo, string Message, DateTimeOffset CreatedAt)
{
    public static ReactionResponse From(DoseReaction r) => new(
        r.Id, r.Type.ToApi(), r.Severity.ToApi(), r.OnsetHours, r.DurationHours, r.Outcome?.ToApi(), r.CareSought, r.Note,
        r.Reportable, r.ReportToName is { } name ? new ReportToResponse(name, r.ReportToUrl) : null, r.Message, r.CreatedAt);
}

/// <summary>The schedule a baby's doses follow, shown with the list (with its source attribution).</summary>
public sealed record ScheduleResponse(string Id, string Name, string Attribution)
{
    public static ScheduleResponse From(VaccinationSchedule s) => new(s.Id, s.Name, s.Attribution);
}

/// <summary>
/// The list shape <c>{items, nextCursor}</c> plus the schedule in use, the day it describes
/// (<c>asOf</c>) and, for the US schedule, CDSi's forecast per vaccine group (null otherwise).
/// </summary>
public sealed record DoseListResponse(
    IReadOnlyList<DoseResponse> Items, string? NextCursor, ScheduleResponse Schedule, DateOnly AsOf,
    IReadOnlyList<VaccineGroupForecastResponse>? Forecast);

public sealed record CalendarLinkResponse(string Url);

/// <summary>POST/PATCH body of a dose, for the OpenAPI document (the handler reads it field by field).</summary>
public sealed record DoseRequest(
    string? Vaccine, int? DoseNumber, DateOnly? GivenOn, string? Cvx, string? Product, string? LotNumber, string? Site,
    string? Route, string? Provider, string? Note, string? Status, string? SkipReason);

public sealed record ReactionRequest(
    string? Type, string? Severity, double? OnsetHours, double? DurationHours, string? Outcome, bool? CareSought, string? Note);

/// <summary>The contract spellings of the dose-field enums (DESIGN.md "Dose fields").</summary>
public static class DoseNames
{
    public static readonly IReadOnlyDictionary<string, InjectionSite> Sites = Map<InjectionSite>();
    public static readonly IReadOnlyDictionary<string, AdministrationRoute> Routes = Map<AdministrationRoute>();

    public static string Name(InjectionSite site) => Sites.First(p => p.Value == site).Key;

    public static string Name(AdministrationRoute route) => Routes.First(p => p.Value == route).Key;

    // LeftThigh → left-thigh: the contract's kebab-case, from the enum names themselves.
    private static Dictionary<string, T> Map<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), v => v, StringComparer.Ordinal);
}
