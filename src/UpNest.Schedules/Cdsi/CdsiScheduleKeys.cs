using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Cdsi;

/// <summary>
/// Between UpNest's US schedule keys (<c>DTaP</c>, <c>IPV</c>…) and CDSi's antigens and CVX codes:
/// which antigens a recorded dose of a key stands for, which CVX code to evaluate when the family
/// did not record one (CDC's "unspecified formulation" code of the vaccine), and which key a CVX
/// code outside UpNest's own product table is recorded under.
/// </summary>
public static class CdsiScheduleKeys
{
    private static readonly Dictionary<string, string> KeyByAntigen = new(StringComparer.Ordinal)
    {
        ["Diphtheria"] = "DTaP", ["Tetanus"] = "DTaP", ["Pertussis"] = "DTaP", ["Hib"] = "Hib", ["HepB"] = "HepB",
        ["HepA"] = "HepA", ["Polio"] = "IPV", ["Measles"] = "MMR", ["Mumps"] = "MMR", ["Rubella"] = "MMR",
        ["Varicella"] = "VAR", ["Pneumococcal"] = "PCV", ["Rotavirus"] = "RV", ["Influenza"] = "Flu", ["HPV"] = "HPV",
        ["Meningococcal"] = "MenACWY", ["Meningococcal B"] = "MenB", ["COVID-19"] = "COVID19", ["RSV"] = "RSV-mAb",
    };

    private static readonly Dictionary<string, string> UnspecifiedCvx = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DTaP"] = "107", ["Tdap"] = "115", ["Hib"] = "17", ["HepB"] = "45", ["HepA"] = "85", ["IPV"] = "89", ["MMR"] = "03",
        ["VAR"] = "21", ["PCV"] = "109", ["RV"] = "122", ["Flu"] = "88", ["HPV"] = "137", ["MenACWY"] = "108",
        ["MenB"] = "164", ["COVID19"] = "213", ["RSV-mAb"] = "306",
    };

    /// <summary>The US key a CDSi antigen is planned under; null for antigens the US child schedule has no key for.</summary>
    public static string? KeyFor(string antigen) => KeyByAntigen.GetValueOrDefault(antigen);

    /// <summary>The antigens a dose recorded under a US key counts for (Tdap: the three of DTaP).</summary>
    public static IReadOnlyList<string> AntigensFor(string key)
    {
        var canonical = key.Equals("Tdap", StringComparison.OrdinalIgnoreCase) ? "DTaP" : key;
        return KeyByAntigen.Where(kv => kv.Value.Equals(canonical, StringComparison.OrdinalIgnoreCase)).Select(kv => kv.Key).ToList();
    }

    /// <summary>The CVX code a dose is evaluated with: the one recorded, else CDC's unspecified code of its key.</summary>
    public static string? CvxFor(string key, string? recordedCvx) =>
        CvxCatalog.Normalize(recordedCvx) ?? UnspecifiedCvx.GetValueOrDefault(key);

    /// <summary>
    /// The keys of <paramref name="schedule"/> a CDSi-known CVX code is recorded under when UpNest's
    /// own product table lacks it (Td 09, DT 28, OPV 02…): one per antigen the schedule plans, or a
    /// key of the code itself (<c>CVX-09</c>) so the dose is still recorded; empty for codes CDSi does not know.
    /// </summary>
    public static IReadOnlyList<string> KeysFor(string? cvx, VaccinationSchedule schedule)
    {
        var code = CvxCatalog.Normalize(cvx);
        if (code is null || !CdsiData.Instance.Cvx.TryGetValue(code, out var entry))
        {
            return [];
        }

        var keys = entry.Antigens.Select(a => KeyFor(a.Antigen)).OfType<string>()
            .Select(schedule.CanonicalKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return keys.Count > 0 ? keys : ["CVX-" + code];
    }
}
