using UpNest.Schedules.Data;

namespace UpNest.Schedules.Milestones;

/// <summary>CDC "Learn the Signs. Act Early." checklists (2022) and the six WHO motor milestones.</summary>
public static class MilestoneCatalog
{
    public static IReadOnlyList<MilestoneDefinition> Cdc => ScheduleData.Instance.CdcMilestones;

    /// <summary>In WHO's typical order of achievement.</summary>
    public static IReadOnlyList<MilestoneDefinition> Who => ScheduleData.Instance.WhoMilestones;

    public static IReadOnlyList<MilestoneDefinition> All => [.. Cdc, .. Who];

    /// <summary>The CDC checklist ages in months: 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60.</summary>
    public static IReadOnlyList<int> CdcBands =>
        Cdc.Select(m => m.BandMonths!.Value).Distinct().Order().ToList();

    public static MilestoneDefinition? Find(string key) => All.FirstOrDefault(m => m.Key == key);
}
