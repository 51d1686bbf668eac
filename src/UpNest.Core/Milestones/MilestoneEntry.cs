using UpNest.Schedules.Milestones;

namespace UpNest.Core.Milestones;

/// <summary>
/// One record of the Milestones table (PK babyId, SK milestoneKey): what the family recorded
/// for a catalog milestone, or a custom milestone they added (title and domain set).
/// </summary>
public sealed record MilestoneEntry
{
    public required string Key { get; init; }
    public required string BabyId { get; init; }
    public DateOnly? AchievedOn { get; init; }
    public string? Note { get; init; }

    /// <summary>Custom milestones only: the family's own title, domain and optional expected age.</summary>
    public string? Title { get; init; }

    public MilestoneDomain? Domain { get; init; }
    public decimal? ExpectedAgeMonths { get; init; }

    public bool IsCustom => Title is not null;

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; } = 1;
}

/// <summary>Client input for a milestone record; absent fields are unchanged.</summary>
public sealed record MilestoneInput
{
    public Common.Optional<DateOnly?> AchievedOn { get; init; }
    public Common.Optional<string> Note { get; init; }
    public Common.Optional<string> Title { get; init; }
    public Common.Optional<MilestoneDomain?> Domain { get; init; }
    public Common.Optional<double?> ExpectedAgeMonths { get; init; }
}
