namespace UpNest.Schedules.Vaccinations;

/// <summary>Finds the planned dose a recorded dose completes.</summary>
public static class DoseMatcher
{
    /// <summary>
    /// Same vaccine and dose number; without a dose number, the lowest dose of that vaccine
    /// not yet given. Null when the schedule has no such dose (another vaccine, or more doses
    /// than the schedule lists).
    /// </summary>
    public static PlannedDose? Match(IReadOnlyList<PlannedDose> plan, string vaccine, int? doseNumber,
        IReadOnlyCollection<GivenDose> alreadyGiven)
    {
        var series = plan.Where(p => VaccinationSchedule.SameVaccine(p.Vaccine, vaccine)).OrderBy(p => p.DoseNumber);
        if (doseNumber is { } number)
        {
            return series.FirstOrDefault(p => p.DoseNumber == number);
        }

        return series.FirstOrDefault(p => !alreadyGiven.Any(g =>
            g.DoseNumber == p.DoseNumber && VaccinationSchedule.SameVaccine(g.Vaccine, p.Vaccine)));
    }
}
