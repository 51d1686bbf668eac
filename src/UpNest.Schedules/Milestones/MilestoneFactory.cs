using UpNest.Schedules.Data;

namespace UpNest.Schedules.Milestones;

/// <summary>Builds catalog entries from resource lines.</summary>
internal static class MilestoneFactory
{
    public static MilestoneDefinition Cdc(int ageMonths, string domain, string key, string label) => new(
        Key: key,
        Title: label,
        Domain: ApiNames.TryParse<MilestoneDomain>(domain, out var d) ? d : throw new FormatException($"domain '{domain}'"),
        Source: MilestoneSource.Cdc,
        ExpectedAgeMonths: ageMonths,
        WindowStartMonths: null,
        WindowEndMonths: null,
        BandMonths: ageMonths,
        CheckUpAfterMonths: ageMonths);

    // WHO publishes no median in the sources used; the mean only sets "expected", never the flag.
    // The typical order is the order of the lines; the catalog keeps it.
    public static MilestoneDefinition Who(string key, string label, decimal? p1, decimal? p99, decimal? mean, bool required) => new(
        Key: key,
        Title: label,
        Domain: MilestoneDomain.MovementPhysical,
        Source: MilestoneSource.Who,
        ExpectedAgeMonths: mean,
        WindowStartMonths: p1 ?? throw new FormatException($"{key}: no p1 in {ScheduleData.ResourceName}"),
        WindowEndMonths: p99 ?? throw new FormatException($"{key}: no p99 in {ScheduleData.ResourceName}"),
        BandMonths: null,
        CheckUpAfterMonths: required ? p99 : null);
}
