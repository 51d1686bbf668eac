using UpNest.Core.Milestones;
using UpNest.Schedules;
using UpNest.Schedules.Milestones;

namespace UpNest.Api.Contracts;

public sealed record MilestoneResponse(
    string Key, string Title, string Domain, string Source, decimal? ExpectedAgeMonths, decimal? WindowStartMonths,
    decimal? WindowEndMonths, string Status, DateOnly? AchievedOn, string? Note, bool MentionAtCheckUp, string? CheckUpMessage,
    decimal? AchievedAgeMonths, bool? AchievedWithinWindow, long? Version)
{
    public static MilestoneResponse From(MilestoneView m, long? version) => new(
        m.Key, m.Title, m.Domain.ToApi(), m.Source.ToApi(), m.ExpectedAgeMonths, m.WindowStartMonths, m.WindowEndMonths,
        m.Status.ToApi(), m.AchievedOn, m.Note, m.MentionAtCheckUp, m.CheckUpMessage, m.AchievedAgeMonths, m.AchievedWithinWindow, version);
}

/// <summary>
/// The list shape <c>{items, nextCursor}</c> plus the age the list was evaluated at:
/// <c>ageMonths</c> is the corrected age when <c>usesCorrectedAge</c>, and <c>bands</c> the CDC checklists shown.
/// </summary>
public sealed record MilestoneListResponse(
    IReadOnlyList<MilestoneResponse> Items, string? NextCursor, decimal AgeMonths, decimal ChronologicalAgeMonths,
    decimal? CorrectedAgeMonths, bool UsesCorrectedAge, IReadOnlyList<int> Bands)
{
    public static MilestoneListResponse From(MilestoneList list, IReadOnlyList<MilestoneResponse> page, string? nextCursor) => new(
        page, nextCursor, list.Report.AgeMonths, list.Report.ChronologicalAgeMonths, list.Report.CorrectedAgeMonths,
        list.Report.UsesCorrectedAge, list.Report.Bands);
}

public sealed record MilestoneRequest(DateOnly? AchievedOn, string? Note, string? Title, string? Domain, decimal? ExpectedAgeMonths);
