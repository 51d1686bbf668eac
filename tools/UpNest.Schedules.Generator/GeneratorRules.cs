namespace UpNest.Schedules.Generator;

/// <summary>
/// Every judgment the generator applies on top of the reference files, in one place so
/// docs/SCHEDULES.md can point at it. A key or tag the rules do not know stops the build
/// of the data rather than guessing.
/// </summary>
public static class GeneratorRules
{
    public sealed record ScheduleSource(string Id, string File, string Name, string Attribution);

    public static readonly IReadOnlyList<ScheduleSource> Schedules =
    [
        new("US", "us-cdc-child-schedule.csv", "CDC/ACIP 2025 (CDSi 4.64)",
            "CDC/ACIP child and adolescent immunization schedule 2025 and CDC CDSi Supporting Data v4.64-508 (2025-11-10); categories per HHS/CDC 5 Jan 2026. US government work, public domain."),
        new("UK", "uk-nhs-routine-schedule.csv", "UK NHS routine schedule from 1 Jan 2026",
            "UKHSA, Complete routine immunisation schedule from 1 January 2026, and the Green Book chapter 11. Crown copyright, Open Government Licence v3.0."),
        new("WHO", "who-epi-recommended.csv", "WHO summary tables Jan 2025",
            "WHO recommendations for routine immunization - summary tables (January 2025), via the WHO SMART Immunizations guide. (c) WHO, CC BY-NC-SA 3.0 IGO."),
    ];

    /// <summary>Rows a healthy infant does not get by default (conditional programmes).</summary>
    public static readonly IReadOnlyDictionary<(string Schedule, string Vaccine, int Dose), string> SkippedRows =
        new Dictionary<(string, string, int), string>
        {
            [("WHO", "bOPV", 0)] = "zero dose only in polio-endemic or high-risk countries; does not count toward the series",
        };

    /// <summary>
    /// Doses that a product choice makes unnecessary: the dose is not needed when every
    /// earlier dose of the series was given with one of these CVX codes (2-dose products).
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Schedule, string Vaccine, int Dose), string> NotNeededAfterCvx =
        new Dictionary<(string, string, int), string>
        {
            [("US", "RV", 3)] = "119",
            [("US", "Hib", 3)] = "49",
            [("WHO", "RV", 3)] = "119",
        };

    /// <summary>
    /// US spacing rules that the CSV keeps in notes, read from CDSi: the HepB final dose's
    /// interval from dose 1 (16 weeks), and the "allowable" intervals under which a dose
    /// already given still counts (VAR 2: 4 weeks; DTaP 4: 4 months - 4 days), and the
    /// absolute minimum age where CDSi sets it apart from "minimum age - 4 days" (VAR 2: 13 months).
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Vaccine, int Dose), (string File, string Series)> UsCdsiIntervals =
        new Dictionary<(string, int), (string, string)>
        {
            [("HepB", 3)] = ("AntigenSupportingData- HepB-508.xml", "HepB 3-dose series"),
            [("VAR", 2)] = ("AntigenSupportingData- Varicella-508.xml", "Varicella childhood 2-dose series"),
            [("DTaP", 4)] = ("AntigenSupportingData- Pertussis-508.xml", "Pertussis standard series"),
        };

    /// <summary>US maximum ages come from CDSi (calendar ages, first age no longer valid).</summary>
    public static readonly IReadOnlyDictionary<string, (string File, string Series)> UsCdsiSeries =
        new Dictionary<string, (string, string)>
        {
            ["RV"] = ("AntigenSupportingData- Rotavirus-508.xml", "Rotavirus 3-dose series"),
            ["RSV-mAb"] = ("AntigenSupportingData- RSV-508.xml", "RSV 1-dose series"),
            ["Hib"] = ("AntigenSupportingData- Hib-508.xml", "Hib start at 2 months 4-dose series"),
            ["PCV"] = ("AntigenSupportingData- Pneumococcal-508.xml", "Pneumococcal 4-dose series"),
        };

    /// <summary>
    /// WHO states "not given after 24 months" for rotavirus as a whole; the reference file
    /// carries it on dose 1 only, so later doses inherit dose 1's maximum age.
    /// </summary>
    public static readonly IReadOnlySet<(string Schedule, string Vaccine)> MaxAgeAppliesToWholeSeries =
        new HashSet<(string, string)> { ("WHO", "RV") };

    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HepB"] = "Hepatitis B",
        ["RV"] = "Rotavirus",
        ["DTaP"] = "Diphtheria, tetanus, whooping cough (DTaP)",
        ["Tdap"] = "Tetanus, diphtheria, whooping cough booster (Tdap)",
        ["Hib"] = "Hib (Haemophilus influenzae type b)",
        ["PCV"] = "Pneumococcal (PCV)",
        ["IPV"] = "Polio (IPV)",
        ["COVID19"] = "COVID-19",
        ["Flu"] = "Flu (influenza)",
        ["MMR"] = "Measles, mumps, rubella (MMR)",
        ["VAR"] = "Chickenpox (varicella)",
        ["HepA"] = "Hepatitis A",
        ["HPV"] = "HPV (human papillomavirus)",
        ["MenACWY"] = "Meningococcal ACWY",
        ["MenB"] = "Meningococcal B",
        ["RSV-mAb"] = "RSV antibody",
        ["DTaP-IPV-Hib-HepB"] = "6-in-1 (DTaP, IPV, Hib, HepB)",
        ["MMRV"] = "Measles, mumps, rubella, chickenpox (MMRV)",
        ["dTaP-IPV"] = "4-in-1 pre-school booster (dTaP/IPV)",
        ["Td-IPV"] = "3-in-1 teenage booster (Td/IPV)",
        ["BCG"] = "BCG (tuberculosis)",
        ["bOPV"] = "Polio, oral (bOPV)",
        ["DTP"] = "Diphtheria, tetanus, whooping cough (DTP-containing)",
        ["MCV"] = "Measles-containing vaccine",
        ["RCV"] = "Rubella-containing vaccine",
    };

    /// <summary>
    /// The US rows end with a "US-2026 (...)" tag giving the January 2026 category.
    /// DESIGN.md: shared-decision covers "shared decision-making, with or without high-risk".
    /// </summary>
    public static string UsRecommendation(string notes)
    {
        var at = notes.IndexOf("US-2026", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException($"US row without a US-2026 tag: {notes}");
        }

        var tag = notes[at..];
        if (tag.Contains("NOT in", StringComparison.Ordinal))
        {
            return "none";
        }

        if (tag.Contains("shared clinical decision-making", StringComparison.Ordinal))
        {
            return "shared-decision";
        }

        if (tag.Contains("high-risk groups only", StringComparison.Ordinal))
        {
            return "high-risk";
        }

        return tag.Contains("recommended for all children", StringComparison.Ordinal)
            ? "routine"
            : throw new InvalidDataException($"unknown US-2026 category: {tag}");
    }
}
