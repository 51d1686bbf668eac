using System.Globalization;
using System.Xml.Linq;
using UpNest.Schedules.Cdsi;

namespace UpNest.Schedules.Generator;

/// <summary>
/// The few figures taken from CDC's CDSi supporting data: which CVX codes are live
/// vaccines (the live-virus conflict table), the spacing between two different live
/// vaccines, and the maximum ages of the US series we plan.
/// </summary>
public sealed class CdsiFigures
{
    public const string ScheduleFile = "ScheduleSupportingData.xml";

    public required IReadOnlySet<string> LiveCvx { get; init; }

    /// <summary>CDSi conflict end between MMR (03) and varicella (21): no grace applies.</summary>
    public required int LiveSpacingDays { get; init; }

    public static CdsiFigures Read(string xmlDir)
    {
        var root = XDocument.Load(Path.Combine(xmlDir, ScheduleFile)).Root
            ?? throw new InvalidDataException($"{ScheduleFile} has no root");
        var conflicts = root.Element("liveVirusConflicts")?.Elements("liveVirusConflict").ToList()
            ?? throw new InvalidDataException("no liveVirusConflicts in " + ScheduleFile);

        var live = new SortedSet<string>(StringComparer.Ordinal);
        int? spacing = null;
        foreach (var conflict in conflicts)
        {
            var previous = Cvx(conflict, "previous");
            var current = Cvx(conflict, "current");
            live.Add(previous);
            live.Add(current);
            if (previous == "03" && current == "21")
            {
                spacing = ParseDays((string?)conflict.Element("conflictEndInterval"));
            }
        }

        return new CdsiFigures
        {
            LiveCvx = live,
            LiveSpacingDays = spacing ?? throw new InvalidDataException("no MMR/varicella conflict in " + ScheduleFile),
        };
    }

    /// <summary>The maxAge of each dose of one CDSi series, converted to our compact form.</summary>
    public static IReadOnlyDictionary<int, string> MaxAges(string xmlDir, string antigenFile, string seriesName)
    {
        var path = Path.Combine(xmlDir, antigenFile);
        var series = XDocument.Load(path).Descendants("series")
            .SingleOrDefault(s => (string?)s.Element("seriesName") == seriesName)
            ?? throw new InvalidDataException($"{antigenFile}: no series '{seriesName}'");
        var result = new SortedDictionary<int, string>();
        foreach (var dose in series.Elements("seriesDose"))
        {
            var number = int.Parse(((string?)dose.Element("doseNumber") ?? "").Replace("Dose ", "", StringComparison.Ordinal),
                CultureInfo.InvariantCulture);
            var maxAge = dose.Elements("age").Select(a => (string?)a.Element("maxAge")).FirstOrDefault(m => !string.IsNullOrEmpty(m));
            if (maxAge is not null)
            {
                result[number] = ToCompactAge(maxAge);
            }
        }

        return result;
    }

    /// <summary>The CDSi definition of one dose of one series.</summary>
    public static XElement SeriesDose(string xmlDir, string antigenFile, string seriesName, int doseNumber) =>
        XDocument.Load(Path.Combine(xmlDir, antigenFile)).Descendants("series")
            .Where(s => (string?)s.Element("seriesName") == seriesName)
            .SelectMany(s => s.Elements("seriesDose"))
            .SingleOrDefault(d => (string?)d.Element("doseNumber") == "Dose " + doseNumber.ToString(CultureInfo.InvariantCulture))
        ?? throw new InvalidDataException($"{antigenFile}: no dose {doseNumber} in '{seriesName}'");

    /// <summary>
    /// A CDSi interval in days, months counted as 30.4375 days rounded half up like the
    /// reference files ("4 months - 4 days" = 122 - 4 = 118).
    /// </summary>
    public static int ToDays(string cdsiInterval)
    {
        var duration = CdsiDuration.TryParse(cdsiInterval) ?? throw new InvalidDataException($"unexpected CDSi interval '{cdsiInterval}'");
        return duration.Terms.Sum(t => t.Unit switch
        {
            CdsiDuration.Unit.Year => (int)Math.Round(t.Amount * 365.25m, MidpointRounding.AwayFromZero),
            CdsiDuration.Unit.Month => (int)Math.Round(t.Amount * 30.4375m, MidpointRounding.AwayFromZero),
            CdsiDuration.Unit.Week => t.Amount * 7,
            _ => t.Amount,
        });
    }

    /// <summary>"8 months + 1 day" becomes "8m+1d"; only sums occur in maximum ages.</summary>
    public static string ToCompactAge(string cdsiAge)
    {
        var parts = new List<string>();
        foreach (var term in cdsiAge.Split('+', StringSplitOptions.TrimEntries))
        {
            var bits = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bits.Length != 2 || !int.TryParse(bits[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                throw new InvalidDataException($"unexpected CDSi age '{cdsiAge}'");
            }

            var unit = bits[1].TrimEnd('s') switch
            {
                "year" => "y",
                "month" => "m",
                "week" => "w",
                "day" => "d",
                _ => throw new InvalidDataException($"unexpected CDSi age unit in '{cdsiAge}'"),
            };
            parts.Add(n.ToString(CultureInfo.InvariantCulture) + unit);
        }

        return string.Join('+', parts);
    }

    private static string Cvx(XElement conflict, string side) =>
        (string?)conflict.Element(side)?.Element("cvx") ?? throw new InvalidDataException("conflict without cvx");

    private static int ParseDays(string? text)
    {
        var bits = (text ?? "").Split(' ');
        return bits.Length == 2 && bits[1] == "days"
            ? int.Parse(bits[0], CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"unexpected interval '{text}'");
    }
}
