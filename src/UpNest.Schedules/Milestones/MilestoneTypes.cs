namespace UpNest.Schedules.Milestones;

public enum MilestoneDomain
{
    SocialEmotional,
    LanguageCommunication,
    Cognitive,
    MovementPhysical,
}

public enum MilestoneSource
{
    Cdc,
    Who,
    Custom,
}

public enum MilestoneStatus
{
    Achieved,

    /// <summary>Not recorded yet, and most children reach it by the baby's age.</summary>
    Expected,
    Upcoming,
}

/// <summary>A milestone of a checklist.</summary>
/// <param name="ExpectedAgeMonths">CDC: the checklist age (most children, 75% or more, do it by then). WHO: the mean age of achievement.</param>
/// <param name="WindowStartMonths">WHO: 1st percentile of the age of achievement; null for CDC.</param>
/// <param name="WindowEndMonths">WHO: 99th percentile; null for CDC.</param>
/// <param name="BandMonths">CDC: the checklist the milestone belongs to; null for WHO.</param>
/// <param name="CheckUpAfterMonths">Age past which a milestone not reached is worth mentioning at a check-up; null when it never is (crawling).</param>
public sealed record MilestoneDefinition(
    string Key,
    string Title,
    MilestoneDomain Domain,
    MilestoneSource Source,
    decimal? ExpectedAgeMonths,
    decimal? WindowStartMonths,
    decimal? WindowEndMonths,
    int? BandMonths,
    decimal? CheckUpAfterMonths);

/// <summary>What the parent recorded for a catalog milestone.</summary>
public sealed record MilestoneRecord(string Key, DateOnly? AchievedOn, string? Note = null);

/// <summary>A milestone the parent added; its key is the caller's id.</summary>
public sealed record CustomMilestone(string Key, string Title, MilestoneDomain Domain, decimal? ExpectedAgeMonths,
    DateOnly? AchievedOn, string? Note = null);

/// <summary>A milestone as the baby's list shows it.</summary>
/// <param name="MentionAtCheckUp">Not reached past the age most children reach it (CDC: the checklist age; WHO: the 99th percentile).</param>
/// <param name="AchievedAgeMonths">Age (corrected when the evaluation uses corrected age) on the achieved date.</param>
/// <param name="AchievedWithinWindow">WHO only: whether that age falls inside the 1st-99th percentile window.</param>
public sealed record MilestoneView(
    string Key,
    string Title,
    MilestoneDomain Domain,
    MilestoneSource Source,
    decimal? ExpectedAgeMonths,
    decimal? WindowStartMonths,
    decimal? WindowEndMonths,
    MilestoneStatus Status,
    DateOnly? AchievedOn,
    string? Note,
    bool MentionAtCheckUp,
    string? CheckUpMessage,
    decimal? AchievedAgeMonths,
    bool? AchievedWithinWindow);

/// <summary>The evaluation of a baby's milestones on a day, with the age used.</summary>
/// <param name="AgeMonths">The age used: corrected when <paramref name="UsesCorrectedAge"/>, else chronological.</param>
/// <param name="Bands">CDC checklist ages shown: all up to the age used, plus the next.</param>
public sealed record MilestoneReport(
    int ChronologicalAgeDays,
    int? CorrectedAgeDays,
    decimal ChronologicalAgeMonths,
    decimal? CorrectedAgeMonths,
    bool UsesCorrectedAge,
    decimal AgeMonths,
    IReadOnlyList<int> Bands,
    IReadOnlyList<MilestoneView> Milestones);
