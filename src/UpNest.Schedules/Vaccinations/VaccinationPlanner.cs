namespace UpNest.Schedules.Vaccinations;

/// <summary>Turns a schedule into dated doses for one baby.</summary>
public static class VaccinationPlanner
{
    /// <summary>Every planned dose of the country's schedule, ordered by <c>dueOn</c>.</summary>
    public static IReadOnlyList<PlannedDose> Plan(DateOnly birthDate, string? country) =>
        Plan(birthDate, ScheduleCatalog.ForCountry(country));

    public static IReadOnlyList<PlannedDose> Plan(DateOnly birthDate, VaccinationSchedule schedule) =>
        schedule.Doses
            .Select(d => Place(birthDate, schedule.Id, d))
            .OrderBy(d => d.DueOn)
            .ThenBy(d => d.Vaccine, StringComparer.Ordinal)
            .ThenBy(d => d.DoseNumber)
            .ToList();

    // Day counts are added as days (DESIGN.md); only maximum ages are calendar ages.
    private static PlannedDose Place(DateOnly birth, string schedule, ScheduleDose d) => new(
        Schedule: schedule,
        Vaccine: d.Vaccine,
        DoseNumber: d.DoseNumber,
        DisplayName: d.DisplayName,
        EarliestOn: birth.AddDays(d.MinAgeDays),
        AcceptedFromOn: birth.AddDays(d.AcceptedMinAgeDays ?? d.MinAgeDays - DoseValidator.GraceDays),
        DueOn: birth.AddDays(d.RecommendedAgeDaysStart),
        DueEndOn: birth.AddDays(d.RecommendedAgeDaysEnd),
        OverdueOn: d.OverdueAfterDays is { } overdue ? birth.AddDays(overdue) : null,
        MaxAgeOn: d.MaxAge?.LastAllowedDay(birth),
        MinIntervalDays: d.MinIntervalDays,
        Cvx: d.Cvx,
        Recommendation: d.Recommendation,
        Live: d.Live,
        NotNeededAfterCvx: d.NotNeededAfterCvx,
        MinDaysAfterDose1: d.MinDaysAfterDose1,
        AcceptedIntervalDays: d.AcceptedIntervalDays);
}
