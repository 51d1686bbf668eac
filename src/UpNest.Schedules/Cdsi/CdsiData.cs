using System.Globalization;

namespace UpNest.Schedules.Cdsi;

/// <summary>The embedded CDSi supporting data (see the resource header for its format), parsed once.</summary>
internal sealed class CdsiData
{
    public const string ResourceName = "UpNest.Schedules.Cdsi.cdsi.tsv";

    private static readonly Lazy<CdsiData> Loaded = new(() => Parse(ReadResource()));

    public static CdsiData Instance => Loaded.Value;

    public required IReadOnlyList<AntigenDefinition> Antigens { get; init; }

    public required IReadOnlyList<LiveVirusConflict> LiveVirusConflicts { get; init; }

    public required IReadOnlyList<VaccineGroupDefinition> VaccineGroups { get; init; }

    public required IReadOnlyDictionary<string, CvxDefinition> Cvx { get; init; }

    public static string ReadResource() => EmbeddedText.Read(ResourceName);

    public static CdsiData Parse(string text) => new Reader().Read(text);

    /// <summary>Builds the model line by line; each child record belongs to the last parent read.</summary>
    private sealed class Reader
    {
        private readonly List<LiveVirusConflict> live = [];
        private readonly List<(string Name, bool Full)> groups = [];
        private readonly List<(string Group, string Antigen)> groupAntigens = [];
        private readonly List<(string Code, string Description, List<CvxAntigen> Antigens)> cvx = [];
        private readonly List<(string Name, List<(DateOnly, string)> Immunity, List<SeriesBuilder> Series)> antigens = [];

        public CdsiData Read(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var f = line.Split('\t');
                try
                {
                    Add(f);
                }
                catch (Exception e) when (e is FormatException or IndexOutOfRangeException or InvalidOperationException)
                {
                    throw new InvalidDataException($"bad CDSi record '{f[0]}': {e.Message}", e);
                }
            }

            return new CdsiData
            {
                LiveVirusConflicts = live,
                VaccineGroups = groups.Select(g => new VaccineGroupDefinition(g.Name, g.Full,
                    groupAntigens.Where(a => a.Group == g.Name).Select(a => a.Antigen).ToList())).ToList(),
                Cvx = cvx.ToDictionary(c => c.Code, c => new CvxDefinition(c.Code, c.Description, c.Antigens), StringComparer.Ordinal),
                Antigens = antigens.Select(a => new AntigenDefinition(a.Name, a.Immunity,
                    a.Series.Select(s => s.Build(a.Name)).ToList())).ToList(),
            };
        }

        private SeriesBuilder CurrentSeries => antigens[^1].Series[^1];

        private DoseBuilder CurrentDose => CurrentSeries.Doses[^1];

        private void Add(string[] f)
        {
            switch (f[0])
            {
                case "live":
                    live.Add(new LiveVirusConflict(f[1], f[2], CdsiDuration.Parse(f[3]), CdsiDuration.Parse(f[4]), CdsiDuration.Parse(f[5])));
                    break;
                case "group":
                    groups.Add((f[1], Yes(f[2])));
                    break;
                case "group-antigen":
                    groupAntigens.Add((f[1], f[2]));
                    break;
                case "cvx":
                    cvx.Add((f[1], f[2], []));
                    break;
                case "cvx-antigen":
                    cvx[^1].Antigens.Add(new CvxAntigen(f[1], CdsiDuration.ParseOptional(f[2]), CdsiDuration.ParseOptional(f[3])));
                    break;
                case "antigen":
                    antigens.Add((f[1], [], []));
                    break;
                case "immunity-birth":
                    antigens[^1].Immunity.Add((DateOnly.ParseExact(f[1], "MM/dd/yyyy", CultureInfo.InvariantCulture), f[2]));
                    break;
                case "series":
                    antigens[^1].Series.Add(new SeriesBuilder(f));
                    break;
                case "dose":
                    CurrentSeries.Doses.Add(new DoseBuilder(f));
                    break;
                default:
                    CurrentDose.Add(f);
                    break;
            }
        }
    }

    private sealed class SeriesBuilder(string[] f)
    {
        public List<DoseBuilder> Doses { get; } = [];

        public SeriesDefinition Build(string antigen) => new(
            f[1], antigen, f[2] == "Evaluation Only", f[3],
            f[4].Length == 0 ? [] : f[4].Split(';'), Yes(f[5]), Yes(f[6]), f[7], f[8],
            f[9].Length == 0 ? int.MaxValue : int.Parse(f[9], CultureInfo.InvariantCulture),
            CdsiDuration.ParseOptional(f[10]), CdsiDuration.ParseOptional(f[11]),
            Doses.Select(d => d.Build()).ToList());
    }

    private sealed class DoseBuilder(string[] f)
    {
        private readonly List<AgeRule> ages = [];
        private readonly List<IntervalRule> intervals = [];
        private readonly List<AllowableIntervalRule> allowableIntervals = [];
        private readonly List<VaccineRule> preferable = [];
        private readonly List<VaccineRule> allowable = [];
        private readonly HashSet<string> inadvertent = new(StringComparer.Ordinal);
        private readonly List<(string Context, string Logic, List<(string Id, string Logic, Validity Validity, List<SkipCondition> Conditions)> Sets)> skips = [];

        public void Add(string[] r)
        {
            // CDC writes empty elements for "none"; a record with no values carries nothing.
            if (r.Skip(1).All(v => v.Length == 0))
            {
                return;
            }

            switch (r[0])
            {
                case "age":
                    ages.Add(new AgeRule(D(r[1]), D(r[2]), D(r[3]), D(r[4]), D(r[5]), new Validity(Day(r[6]), Day(r[7]))));
                    break;
                case "interval":
                    intervals.Add(new IntervalRule(r[1] == "Y", Int(r[2]), Cvxs(r[3]), r[4], D(r[5]), D(r[6]), D(r[7]), D(r[8]),
                        new Validity(Day(r[10]), Day(r[11]))));
                    break;
                case "allowable-interval":
                    allowableIntervals.Add(new AllowableIntervalRule(r[1] == "Y", Int(r[2]), CdsiDuration.Parse(r[3]), new Validity(Day(r[4]), Day(r[5]))));
                    break;
                case "preferable":
                    preferable.Add(new VaccineRule(r[1], D(r[2]), D(r[3]), r[5] == "Y"));
                    break;
                case "allowable":
                    allowable.Add(new VaccineRule(r[1], D(r[2]), D(r[3])));
                    break;
                case "inadvertent":
                    inadvertent.Add(r[1]);
                    break;
                case "skip":
                    skips.Add((r[1], r[2], []));
                    break;
                case "skip-set":
                    skips[^1].Sets.Add((r[1], r[2], new Validity(Day(r[3]), Day(r[4])), []));
                    break;
                case "condition":
                    skips[^1].Sets[^1].Conditions.Add(Condition(r));
                    break;
                default:
                    throw new FormatException("unknown record");
            }
        }

        public TargetDoseDefinition Build() => new(
            int.Parse(f[1].Replace("Dose ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
            Yes(f[2]), Day(f[3]), Day(f[4]), ages, intervals, allowableIntervals, preferable, allowable, inadvertent,
            skips.Select(s => new ConditionalSkip(
                Enum.Parse<SkipContext>(s.Context, ignoreCase: true),
                s.Logic.Equals("AND", StringComparison.OrdinalIgnoreCase),
                s.Sets.Select(x => new SkipSet(x.Id, x.Logic.Equals("OR", StringComparison.OrdinalIgnoreCase), x.Validity, x.Conditions)).ToList()))
            .ToList());

        private static SkipCondition Condition(string[] r) => new(
            r[1].ToUpperInvariant() switch
            {
                "AGE" => SkipConditionType.Age,
                "INTERVAL" => SkipConditionType.Interval,
                "VACCINE COUNT BY AGE" => SkipConditionType.VaccineCountByAge,
                "VACCINE COUNT BY DATE" => SkipConditionType.VaccineCountByDate,
                "VACCINE COUNT BY DATE AND AGE" => SkipConditionType.VaccineCountByDateAndAge,
                "COMPLETED SERIES" => SkipConditionType.CompletedSeries,
                _ => throw new FormatException($"unknown condition type '{r[1]}'"),
            },
            Day(r[2]), Day(r[3]), D(r[4]), D(r[5]), D(r[6]), Int(r[7]) ?? 0,
            r[8].Equals("Valid", StringComparison.OrdinalIgnoreCase),
            r[9].ToUpperInvariant() switch
            {
                "" or "GREATER THAN" => CountLogic.GreaterThan,
                "EQUAL TO" or "EQUAL" => CountLogic.EqualTo,
                "LESS THAN" => CountLogic.LessThan,
                _ => throw new FormatException($"unknown dose count logic '{r[9]}'"),
            },
            Cvxs(r[10]), r[11].Length == 0 ? [] : r[11].Split(';', StringSplitOptions.TrimEntries));
    }

    private static bool Yes(string value) => value.Equals("Yes", StringComparison.OrdinalIgnoreCase);

    private static CdsiDuration? D(string value) => CdsiDuration.ParseOptional(value);

    private static int? Int(string value) => value.Length == 0 ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly? Day(string value) =>
        value.Length == 0 ? null : DateOnly.ParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture);

    private static HashSet<string> Cvxs(string value) =>
        new(value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
