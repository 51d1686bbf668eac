namespace UpNest.Schedules.Vaccinations;

/// <summary>A schedule dose placed on a baby's calendar.</summary>
/// <param name="EarliestOn">Birth + minimum age: the first day the dose counts (a 4-day grace applies when judging a given dose).</param>
/// <param name="AcceptedFromOn">First day a dose already given counts: <paramref name="EarliestOn"/> - 4 days, or CDSi's absolute minimum age where it differs.</param>
/// <param name="DueOn">Birth + start of the recommended age range.</param>
/// <param name="DueEndOn">Birth + end of the recommended age range.</param>
/// <param name="OverdueOn">First day the dose counts as overdue; null when the schedule has none.</param>
/// <param name="MaxAgeOn">Last day the dose may still be given; null when there is no maximum age.</param>
/// <param name="NotNeededAfterCvx">Not needed when every earlier dose of the series was one of these products.</param>
/// <param name="MinDaysAfterDose1">Minimum days after dose 1 of the series, on top of <paramref name="MinIntervalDays"/>.</param>
/// <param name="AcceptedIntervalDays">Shortest interval (grace included) at which a dose already given still counts, when CDSi sets one apart from the minimum interval.</param>
public sealed record PlannedDose(
    string Schedule,
    string Vaccine,
    int DoseNumber,
    string DisplayName,
    DateOnly EarliestOn,
    DateOnly AcceptedFromOn,
    DateOnly DueOn,
    DateOnly DueEndOn,
    DateOnly? OverdueOn,
    DateOnly? MaxAgeOn,
    int? MinIntervalDays,
    IReadOnlyList<string> Cvx,
    Recommendation Recommendation,
    bool Live,
    IReadOnlyList<string> NotNeededAfterCvx,
    int? MinDaysAfterDose1 = null,
    int? AcceptedIntervalDays = null);
