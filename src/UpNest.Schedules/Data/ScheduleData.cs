using System.Globalization;
using UpNest.Schedules.Milestones;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Data;

/// <summary>The embedded resource, parsed once. Its format is documented in its own header.</summary>
internal sealed class ScheduleData
{
    public const string ResourceName = "UpNest.Schedules.Data.schedules.tsv";

    private static readonly Lazy<ScheduleData> Loaded = new(() => Parse(ReadResource()));

    public static ScheduleData Instance => Loaded.Value;

    public required IReadOnlyList<VaccinationSchedule> Schedules { get; init; }

    public required IReadOnlyList<CvxCode> Cvx { get; init; }

    public required int LiveSpacingDays { get; init; }

    public required IReadOnlyList<MilestoneDefinition> CdcMilestones { get; init; }

    public required IReadOnlyList<MilestoneDefinition> WhoMilestones { get; init; }

    public static string ReadResource() => EmbeddedText.Read(ResourceName);

    public static ScheduleData Parse(string text)
    {
        var schedules = new List<(string Id, string Name, string Attribution)>();
        var doses = new List<(string Schedule, ScheduleDose Dose)>();
        var cvx = new List<CvxCode>();
        var cdc = new List<MilestoneDefinition>();
        var who = new List<MilestoneDefinition>();
        int? spacing = null;

        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            switch (f[0])
            {
                case "live-spacing-days":
                    spacing = Int(f[1]);
                    break;
                case "schedule":
                    schedules.Add((f[1], f[2], f[3]));
                    break;
                case "dose":
                    doses.Add((f[1], Dose(f)));
                    break;
                case "cvx":
                    cvx.Add(new CvxCode(f[1], List(f[2]), f[3] == "1", f[4]));
                    break;
                case "cdc":
                    cdc.Add(MilestoneFactory.Cdc(Int(f[1]), f[2], f[3], f[4]));
                    break;
                case "who":
                    who.Add(MilestoneFactory.Who(f[1], f[2], Dec(f[3]), Dec(f[4]), Dec(f[5]), f[7] == "1"));
                    break;
                default:
                    throw new FormatException($"unknown line kind '{f[0]}' in {ResourceName}");
            }
        }

        return new ScheduleData
        {
            Schedules = schedules
                .Select(s => new VaccinationSchedule(s.Id, s.Name, s.Attribution,
                    doses.Where(d => d.Schedule == s.Id).Select(d => d.Dose).ToList()))
                .ToList(),
            Cvx = cvx,
            LiveSpacingDays = spacing ?? throw new FormatException("live-spacing-days missing"),
            CdcMilestones = cdc,
            WhoMilestones = who,
        };
    }

    private static ScheduleDose Dose(string[] f) => new(
        Vaccine: f[2],
        DoseNumber: Int(f[3]),
        DisplayName: f[4],
        MinAgeDays: Int(f[5]),
        RecommendedAgeDaysStart: Int(f[6]),
        RecommendedAgeDaysEnd: Int(f[7]),
        OverdueAfterDays: OptionalInt(f[8]),
        MinIntervalDays: OptionalInt(f[9]),
        Cvx: List(f[10]),
        Recommendation: ApiNames.TryParse<Recommendation>(f[11], out var r) ? r : throw new FormatException(f[11]),
        Live: f[12] == "1",
        MaxAge: f[13].Length == 0 ? null : AgeLimit.Parse(f[13]),
        NotNeededAfterCvx: List(f[14]),
        MinDaysAfterDose1: OptionalInt(f[15]),
        AcceptedIntervalDays: OptionalInt(f[16]),
        AcceptedMinAgeDays: OptionalInt(f[17]));

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? OptionalInt(string s) => s.Length == 0 ? null : Int(s);

    private static decimal? Dec(string s) =>
        s.Length == 0 ? null : decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string[] List(string s) => s.Split(';', StringSplitOptions.RemoveEmptyEntries);
}
