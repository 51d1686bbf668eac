using UpNest.Schedules.Reactions;

namespace UpNest.Core.Vaccinations;

/// <summary>An adverse reaction the family recorded after a dose, with the reporting advice given at the time.</summary>
public sealed record DoseReaction
{
    public required string Id { get; init; }
    public ReactionType Type { get; init; }
    public ReactionSeverity Severity { get; init; }
    public double? OnsetHours { get; init; }
    public double? DurationHours { get; init; }
    public ReactionOutcome? Outcome { get; init; }
    public bool? CareSought { get; init; }
    public string? Note { get; init; }
    public bool Reportable { get; init; }
    public string? ReportToName { get; init; }
    public string? ReportToUrl { get; init; }
    public required string Message { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Client input for a reaction.</summary>
public sealed record ReactionInput(
    ReactionType? Type, ReactionSeverity? Severity, double? OnsetHours, double? DurationHours,
    ReactionOutcome? Outcome, bool? CareSought, string? Note);
