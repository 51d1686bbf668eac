namespace UpNest.Schedules.Vaccinations;

/// <summary>One row of a schedule: a dose of a vaccine series, ages in days after birth.</summary>
/// <param name="Vaccine">Schedule key, e.g. <c>HepB</c>, <c>DTaP-IPV-Hib-HepB</c>, <c>MCV</c>.</param>
/// <param name="OverdueAfterDays">Null where the schedule has no overdue point (seasonal, interval-driven, rotavirus dose 1).</param>
/// <param name="MinIntervalDays">Minimum days after the previous dose of the same series; null for dose 1 or when unpublished.</param>
/// <param name="MaxAge">First age at which the dose is no longer valid; null when there is none.</param>
/// <param name="NotNeededAfterCvx">The dose is not needed when every earlier dose of the series was one of these products (2-dose products).</param>
/// <param name="MinDaysAfterDose1">A second spacing rule counted from dose 1 (US HepB dose 3: 16 weeks); null when none.</param>
/// <param name="AcceptedMinAgeDays">CDSi's absolute minimum age when it is not minimum age - 4 days (US VAR 2: 13 months); null otherwise.</param>
/// <param name="AcceptedIntervalDays">CDSi's allowable interval (grace included): a dose already given this long after the previous one counts; null means minimum interval - 4 days.</param>
public sealed record ScheduleDose(
    string Vaccine,
    int DoseNumber,
    string DisplayName,
    int MinAgeDays,
    int RecommendedAgeDaysStart,
    int RecommendedAgeDaysEnd,
    int? OverdueAfterDays,
    int? MinIntervalDays,
    IReadOnlyList<string> Cvx,
    Recommendation Recommendation,
    bool Live,
    AgeLimit? MaxAge,
    IReadOnlyList<string> NotNeededAfterCvx,
    int? MinDaysAfterDose1 = null,
    int? AcceptedIntervalDays = null,
    int? AcceptedMinAgeDays = null);
