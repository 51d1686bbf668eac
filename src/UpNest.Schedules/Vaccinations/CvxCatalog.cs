using UpNest.Schedules.Data;

namespace UpNest.Schedules.Vaccinations;

/// <summary>
/// CVX product codes. A combination product counts toward several series: CVX 110
/// (DTaP-HepB-IPV) completes a DTaP, a HepB and an IPV dose, so recording it means
/// completing one planned dose per key returned here.
/// </summary>
public static class CvxCatalog
{
    public static IReadOnlyList<CvxCode> All => ScheduleData.Instance.Cvx;

    public static CvxCode? Find(string? cvx)
    {
        var code = Normalize(cvx);
        return code is null ? null : All.FirstOrDefault(c => c.Code == code);
    }

    /// <summary>The schedule keys (US keys, or the WHO/UK key for non-US products) of a CVX code; empty if unknown.</summary>
    public static IReadOnlyList<string> VaccinesFor(string? cvx) => Find(cvx)?.Vaccines ?? [];

    /// <summary>
    /// The keys of <paramref name="schedule"/> a product counts toward: keys whose planned
    /// rows list the code, plus the code's own keys where the schedule has them. CVX 146 is
    /// DTaP, IPV, Hib and HepB in the US, the single 6-in-1 key in the UK, and DTP, HepB, Hib
    /// and IPV under WHO.
    /// </summary>
    public static IReadOnlyList<string> VaccinesFor(string? cvx, VaccinationSchedule schedule)
    {
        var code = Normalize(cvx);
        if (code is null)
        {
            return [];
        }

        var fromRows = schedule.Doses.Where(d => d.Cvx.Contains(code)).Select(d => d.Vaccine);
        var fromCode = VaccinesFor(code).Select(schedule.CanonicalKey).OfType<string>();
        return fromRows.Concat(fromCode).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when CDSi counts the product as a live vaccine (MMR, varicella, LAIV, BCG…).</summary>
    public static bool IsLive(string? cvx) => Find(cvx)?.Live ?? false;

    /// <summary>CVX codes are strings with a leading zero below 10 ("03"); "3" and "003" mean the same.</summary>
    public static string? Normalize(string? cvx)
    {
        if (string.IsNullOrWhiteSpace(cvx))
        {
            return null;
        }

        var code = cvx.Trim();
        if (!code.All(char.IsAsciiDigit))
        {
            return code;
        }

        code = code.TrimStart('0');
        return code.Length switch
        {
            0 => "00",
            1 => "0" + code,
            _ => code,
        };
    }
}
