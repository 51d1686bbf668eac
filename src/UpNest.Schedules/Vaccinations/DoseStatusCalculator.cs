namespace UpNest.Schedules.Vaccinations;

/// <summary>
/// Status of planned doses on a given day (the caller passes the day from its
/// <see cref="TimeProvider"/>, in the user's time zone). Order of precedence:
/// completed, skipped, not-applicable, overdue, due, upcoming.
/// </summary>
public static class DoseStatusCalculator
{
    /// <summary>One dose on its own (no series rules).</summary>
    public static DoseStatus StatusOn(PlannedDose dose, DateOnly today, DateOnly? givenOn = null, bool skipped = false)
    {
        if (givenOn is not null)
        {
            return DoseStatus.Completed;
        }

        if (skipped)
        {
            return DoseStatus.Skipped;
        }

        if (dose.MaxAgeOn is { } last && today > last)
        {
            return DoseStatus.NotApplicable;
        }

        if (dose.OverdueOn is { } overdue && today >= overdue)
        {
            return DoseStatus.Overdue;
        }

        return today >= dose.DueOn ? DoseStatus.Due : DoseStatus.Upcoming;
    }

    /// <summary>
    /// Every planned dose with series rules applied: a dose is not-applicable when the
    /// products already given make it unnecessary (two Rotarix doses: no rotavirus dose 3;
    /// two PedvaxHIB doses: no Hib dose 3), or when dose 1 of its series can no longer be
    /// started (rotavirus after 15 weeks) and was not given.
    /// </summary>
    public static IReadOnlyList<DoseState> StatusesOn(
        IReadOnlyList<PlannedDose> plan,
        DateOnly today,
        IReadOnlyCollection<GivenDose> given,
        IReadOnlyCollection<SkippedDose>? skipped = null)
    {
        skipped ??= [];
        var states = new List<DoseState>(plan.Count);
        foreach (var dose in plan)
        {
            var givenDose = given.FirstOrDefault(g => Is(dose, g.Vaccine, g.DoseNumber));
            var skip = skipped.FirstOrDefault(s => Is(dose, s.Vaccine, s.DoseNumber));
            var status = StatusOn(dose, today, givenDose?.GivenOn, skip is not null);
            if (status is not (DoseStatus.Completed or DoseStatus.Skipped)
                && (NotNeeded(dose, given) || SeriesNeverStarted(dose, plan, today, given)))
            {
                status = DoseStatus.NotApplicable;
            }

            states.Add(new DoseState(dose, status, givenDose, skip));
        }

        return states;
    }

    private static bool NotNeeded(PlannedDose dose, IReadOnlyCollection<GivenDose> given)
    {
        if (dose.NotNeededAfterCvx.Count == 0)
        {
            return false;
        }

        var earlier = given.Where(g => SameSeries(dose, g.Vaccine) && g.DoseNumber < dose.DoseNumber).ToList();
        return earlier.Count == dose.DoseNumber - 1
            && earlier.All(g => CvxCatalog.Normalize(g.Cvx) is { } code && dose.NotNeededAfterCvx.Contains(code));
    }

    private static bool SeriesNeverStarted(PlannedDose dose, IReadOnlyList<PlannedDose> plan, DateOnly today,
        IReadOnlyCollection<GivenDose> given)
    {
        if (dose.DoseNumber <= 1 || given.Any(g => SameSeries(dose, g.Vaccine)))
        {
            return false;
        }

        var first = plan.FirstOrDefault(p => SameSeries(dose, p.Vaccine) && p.DoseNumber == 1);
        return first?.MaxAgeOn is { } last && today > last;
    }

    private static bool Is(PlannedDose dose, string vaccine, int doseNumber) =>
        dose.DoseNumber == doseNumber && SameSeries(dose, vaccine);

    private static bool SameSeries(PlannedDose dose, string vaccine) => VaccinationSchedule.SameVaccine(dose.Vaccine, vaccine);
}
