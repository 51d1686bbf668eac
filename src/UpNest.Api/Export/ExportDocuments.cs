using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Core.Export;
using UpNest.Core.Milestones;
using UpNest.Core.Vaccinations;
using UpNest.Schedules.Milestones;

namespace UpNest.Api.Export;

/// <summary>A recorded dose as the JSON export carries it: the facts, not the computed status.</summary>
public sealed record DoseExport(
    string Id, string Vaccine, int DoseNumber, DateOnly? DueOn, DateOnly? GivenOn, string? Cvx, string? Product,
    string? LotNumber, InjectionSite? Site, AdministrationRoute? Route, string? Provider, string? Note, string? SkipReason)
{
    public static DoseExport From(VaccinationDose d) => new(
        d.Id, d.Vaccine, d.DoseNumber, d.Planned?.DueOn, d.Given?.GivenOn, d.Given?.Cvx, d.Given?.Product,
        d.Given?.LotNumber, d.Given?.Site, d.Given?.Route, d.Given?.Provider, d.Given?.Note, d.SkipReason);
}

/// <summary>A milestone record the family made (achieved date, note, or a custom milestone).</summary>
public sealed record MilestoneExport(string Key, string? Title, MilestoneDomain? Domain, DateOnly? AchievedOn, string? Note)
{
    public static MilestoneExport From(MilestoneEntry m) => new(m.Key, m.Title, m.Domain, m.AchievedOn, m.Note);
}

public sealed record BabyExportDocument(
    BabyResponse Baby, IReadOnlyList<MeasurementResponse> Measurements, IReadOnlyList<DoseExport> Vaccinations, IReadOnlyList<MilestoneExport> Milestones)
{
    public static BabyExportDocument From(BabyExport export, MeasurementScorer scorer) => new(
        BabyResponse.From(export.Baby, export.Role),
        export.Measurements.Select(m => MeasurementResponse.From(m, scorer.Score(export.Baby, m))).ToList(),
        export.Doses.Select(DoseExport.From).ToList(),
        export.Milestones.Select(MilestoneExport.From).ToList());
}

/// <summary>GET /v1/me/export: the profile and every baby the user can access.</summary>
public sealed record UserExportDocument(string Format, DateTimeOffset ExportedAt, UserResponse Profile, IReadOnlyList<BabyExportDocument> Babies)
{
    public static UserExportDocument From(UserExport export, MeasurementScorer scorer, DateTimeOffset now) => new(
        "upnest-export/1", now, UserResponse.From(export.User), export.Babies.Select(b => BabyExportDocument.From(b, scorer)).ToList());
}
