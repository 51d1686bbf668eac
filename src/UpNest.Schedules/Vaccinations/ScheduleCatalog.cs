using UpNest.Schedules.Data;

namespace UpNest.Schedules.Vaccinations;

/// <summary>
/// Which schedule a baby follows, from the country on its profile: the US CDC schedule by
/// default and for US territories; the UK NHS schedule for GB/UK and the Crown Dependencies;
/// WHO's EPI recommendations for every other country (most national programmes are built
/// on them, and UpNest carries no other national schedule).
/// </summary>
public static class ScheduleCatalog
{
    // Territories that follow ACIP, and the Crown Dependencies that follow the UK programme.
    private static readonly HashSet<string> UsCountries = new(StringComparer.Ordinal) { "US", "USA", "PR", "GU", "VI", "AS", "MP", "UM" };
    private static readonly HashSet<string> UkCountries = new(StringComparer.Ordinal) { "GB", "UK", "GBR", "JE", "GG", "IM" };

    public static VaccinationSchedule Us => Get("US");

    public static VaccinationSchedule Uk => Get("UK");

    public static VaccinationSchedule Who => Get("WHO");

    public static IReadOnlyList<VaccinationSchedule> All => ScheduleData.Instance.Schedules;

    /// <summary>Live vaccines given on different days must be at least this many days apart (CDSi; no grace).</summary>
    public static int LiveVaccineSpacingDays => ScheduleData.Instance.LiveSpacingDays;

    /// <summary>
    /// The schedule for an ISO 3166 country code (alpha-2, or alpha-3 for US/GB); null or
    /// blank means the US default. Throws <see cref="ArgumentException"/> for text that is
    /// not a country code at all.
    /// </summary>
    public static VaccinationSchedule ForCountry(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return Us;
        }

        var code = country.Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("country must be an ISO 3166 code such as US, GB or KE", nameof(country));
        }

        return UsCountries.Contains(code) ? Us : UkCountries.Contains(code) ? Uk : Who;
    }

    private static VaccinationSchedule Get(string id) => All.Single(s => s.Id == id);
}
