using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace UpNest.Schedules.Generator;

/// <summary>
/// Turns the reference CSVs and the CDSi figures into the one tab-separated resource that
/// UpNest.Schedules embeds. Output is a pure function of the input bytes, so a test can
/// regenerate it and compare byte for byte.
/// </summary>
public static partial class ScheduleDataGenerator
{
    public const string OutputRelativePath = "src/UpNest.Schedules/Data/schedules.tsv";

    private static readonly string[] MilestoneFiles = ["cdc-milestones.csv", "who-motor-milestones.csv", "cvx-codes.csv"];

    public static string Generate(string referenceDir)
    {
        var schedulesDir = Path.Combine(referenceDir, "schedules");
        var cdsiDir = Path.Combine(referenceDir, "cdsi", "XML");
        var cdsi = CdsiFigures.Read(cdsiDir);
        var usMaxAges = GeneratorRules.UsCdsiSeries.ToDictionary(
            kv => kv.Key, kv => CdsiFigures.MaxAges(cdsiDir, kv.Value.File, kv.Value.Series), StringComparer.Ordinal);

        var body = new StringBuilder();
        body.Append("live-spacing-days\t").Append(cdsi.LiveSpacingDays.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var source in GeneratorRules.Schedules)
        {
            Line(body, "schedule", source.Id, source.Name, source.Attribution);
            var seriesLimits = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in Csv.ReadFile(Path.Combine(schedulesDir, source.File)))
            {
                AppendDose(body, source.Id, row, cdsi, cdsiDir, MaxAgeFor(source.Id, row, usMaxAges, seriesLimits));
            }
        }

        foreach (var row in Csv.ReadFile(Path.Combine(schedulesDir, "cvx-codes.csv")))
        {
            var code = row["code"];
            Line(body, "cvx", code, row["vaccine_code"], cdsi.LiveCvx.Contains(code) ? "1" : "0", row["description"]);
        }

        foreach (var row in Csv.ReadFile(Path.Combine(schedulesDir, "cdc-milestones.csv")))
        {
            Line(body, "cdc", row["age_months"], row["domain"], row["milestone_key"], row["label"]);
        }

        foreach (var row in Csv.ReadFile(Path.Combine(schedulesDir, "who-motor-milestones.csv")))
        {
            // The study found some healthy children never crawl; such a milestone must never raise a flag.
            var required = row["notes"].Contains("not a required milestone", StringComparison.Ordinal) ? "0" : "1";
            Line(body, "who", row["milestone_key"], row["label"], row["p1_months"], row["p99_months"],
                row["mean_months"], row["typical_order"], required);
        }

        return Header(referenceDir) + body;
    }

    private static void AppendDose(StringBuilder body, string schedule, Dictionary<string, string> row,
        CdsiFigures cdsi, string cdsiDir, string maxAge)
    {
        var vaccine = row["vaccine_code"];
        var dose = int.Parse(row["dose_number"], CultureInfo.InvariantCulture);
        if (GeneratorRules.SkippedRows.ContainsKey((schedule, vaccine, dose)))
        {
            return;
        }

        var notes = row["notes"];
        var cvx = row["cvx_codes"];
        var codes = cvx.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var live = codes.Length > 0 && codes.All(cdsi.LiveCvx.Contains) ? "1" : "0";
        var recommendation = schedule == "US" ? GeneratorRules.UsRecommendation(notes) : "routine";
        var display = GeneratorRules.DisplayNames.TryGetValue(vaccine, out var name)
            ? name
            : throw new InvalidDataException($"no display name for {vaccine}");
        var notNeeded = GeneratorRules.NotNeededAfterCvx.GetValueOrDefault((schedule, vaccine, dose), "");
        var (afterDose1, accepted, acceptedAge) = schedule == "US"
            ? UsIntervals(cdsiDir, vaccine, dose, int.Parse(row["min_age_days"], CultureInfo.InvariantCulture))
            : ("", "", "");
        Line(body, "dose", schedule, vaccine, row["dose_number"], display,
            row["min_age_days"], row["recommended_age_days_start"], row["recommended_age_days_end"],
            row["overdue_after_days"], row["min_interval_days_from_previous"], cvx, recommendation, live,
            maxAge, notNeeded, afterDose1, accepted, acceptedAge);
    }

    /// <summary>
    /// US limits are CDSi calendar ages; UK/WHO limits are the notes' max_age_days (the last
    /// allowed day), stored as the first day past it. Rows of a series come in dose order, so
    /// a whole-series limit is known from dose 1 when later doses are written.
    /// </summary>
    private static string MaxAgeFor(string schedule, Dictionary<string, string> row,
        Dictionary<string, IReadOnlyDictionary<int, string>> usMaxAges, Dictionary<string, string> seriesLimits)
    {
        var vaccine = row["vaccine_code"];
        var dose = int.Parse(row["dose_number"], CultureInfo.InvariantCulture);
        if (schedule == "US" && usMaxAges.TryGetValue(vaccine, out var byDose))
        {
            return byDose.GetValueOrDefault(dose, "");
        }

        var match = MaxAgeDays().Match(row["notes"]);
        if (!match.Success)
        {
            return seriesLimits.GetValueOrDefault(vaccine, "");
        }

        var lastDay = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var limit = (lastDay + 1).ToString(CultureInfo.InvariantCulture) + "d";
        if (GeneratorRules.MaxAgeAppliesToWholeSeries.Contains((schedule, vaccine)))
        {
            seriesLimits[vaccine] = limit;
        }

        return limit;
    }

    /// <summary>
    /// Minimum days after dose 1 (CDSi minInt from dose 1), the accepted interval (absMinInt of
    /// allowableInterval) and the absolute minimum age when it is not the usual minimum - 4 days.
    /// </summary>
    private static (string AfterDose1, string Accepted, string AcceptedAge) UsIntervals(string cdsiDir, string vaccine, int dose,
        int minAgeDays)
    {
        if (!GeneratorRules.UsCdsiIntervals.TryGetValue((vaccine, dose), out var where))
        {
            return ("", "", "");
        }

        var seriesDose = CdsiFigures.SeriesDose(cdsiDir, where.File, where.Series, dose);
        var fromFirst = seriesDose.Elements("interval").FirstOrDefault(i => (string?)i.Element("fromTargetDose") == "1");
        var allowable = (string?)seriesDose.Element("allowableInterval")?.Element("absMinInt");
        var absMinAge = CdsiFigures.ToDays((string?)seriesDose.Element("age")?.Element("absMinAge") ?? "0 days");
        return (
            fromFirst is null ? "" : Days((string?)fromFirst.Element("minInt")),
            string.IsNullOrEmpty(allowable) ? "" : Days(allowable),
            absMinAge == minAgeDays - 4 ? "" : absMinAge.ToString(CultureInfo.InvariantCulture));

        static string Days(string? interval) =>
            CdsiFigures.ToDays(interval ?? throw new InvalidDataException("interval without a value")).ToString(CultureInfo.InvariantCulture);
    }

    private static void Line(StringBuilder sb, string kind, params string[] fields)
    {
        sb.Append(kind);
        foreach (var field in fields)
        {
            if (field.Contains('\t', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"field contains a tab or newline: {field}");
            }

            sb.Append('\t').Append(field);
        }

        sb.Append('\n');
    }

    private static string Header(string referenceDir)
    {
        var sb = new StringBuilder();
        sb.Append("# UpNest immunization schedules and milestones. GENERATED by tools/UpNest.Schedules.Generator - do not edit.\n");
        sb.Append("# Regenerate: dotnet run --project tools/UpNest.Schedules.Generator (reads ../shared/reference).\n");
        sb.Append("# Sources and licences (see NOTICE-SCHEDULES.md):\n");
        foreach (var source in GeneratorRules.Schedules)
        {
            sb.Append("#   ").Append(source.Id).Append(": ").Append(source.Attribution).Append('\n');
        }

        sb.Append("#   CVX codes: CDC IIS CVX code set, checked against the CDSi v4.64 CVX-to-antigen map. Public domain.\n");
        sb.Append("#   Live vaccines and live-vaccine spacing: CDSi v4.64 ScheduleSupportingData liveVirusConflicts.\n");
        sb.Append("#   Milestones: CDC Learn the Signs. Act Early. checklists (2022 revision; labels paraphrased) - public domain;\n");
        sb.Append("#     WHO Multicentre Growth Reference Study Group, WHO Motor Development Study, Acta Paediatrica 2006; Suppl 450:86-95.\n");
        sb.Append("# Input files (sha256):\n");
        foreach (var file in InputFiles())
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(referenceDir, file))));
            sb.Append("#   ").Append(file).Append(' ').Append(hash).Append('\n');
        }

        sb.Append("# Lines (tab-separated):\n");
        sb.Append("#   schedule id name attribution\n");
        sb.Append("#   dose schedule vaccine dose display min_age_days rec_start rec_end overdue_after min_interval cvx recommendation live max_age not_needed_after_cvx\n");
        sb.Append("#     min_days_after_dose1 accepted_interval_days accepted_min_age_days\n");
        sb.Append("#     accepted_*: CDSi allowable interval / absolute minimum age (grace included) from which a given dose counts.\n");
        sb.Append("#     max_age: first age at which the dose is no longer valid (calendar: y m w d).\n");
        sb.Append("#   cvx code vaccines live description\n");
        sb.Append("#   cdc age_months domain key label\n");
        sb.Append("#   who key label p1_months p99_months mean_months order required\n");
        return sb.ToString();
    }

    private static IEnumerable<string> InputFiles()
    {
        foreach (var source in GeneratorRules.Schedules)
        {
            yield return "schedules/" + source.File;
        }

        foreach (var file in MilestoneFiles)
        {
            yield return "schedules/" + file;
        }

        yield return "cdsi/XML/" + CdsiFigures.ScheduleFile;
        foreach (var file in GeneratorRules.UsCdsiSeries.Values.Select(v => v.File)
                     .Concat(GeneratorRules.UsCdsiIntervals.Values.Select(v => v.File)).Distinct().Order(StringComparer.Ordinal))
        {
            yield return "cdsi/XML/" + file;
        }
    }

    [GeneratedRegex(@"max_age_days=(\d+)")]
    private static partial Regex MaxAgeDays();
}
