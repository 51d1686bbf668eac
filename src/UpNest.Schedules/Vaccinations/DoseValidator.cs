namespace UpNest.Schedules.Vaccinations;

/// <summary>
/// Checks a dose being recorded against the schedule and the doses already given. A dose
/// is always recorded; warnings tell the parent it may not count.
/// </summary>
public static class DoseValidator
{
    /// <summary>CDC's grace: a dose up to 4 days before the minimum age or interval still counts.</summary>
    public const int GraceDays = 4;

    public static DoseCheck Check(DateOnly birthDate, string? country, DoseRecord dose, IReadOnlyCollection<GivenDose> alreadyGiven) =>
        Check(birthDate, ScheduleCatalog.ForCountry(country), dose, alreadyGiven);

    public static DoseCheck Check(DateOnly birthDate, VaccinationSchedule schedule, DoseRecord dose,
        IReadOnlyCollection<GivenDose> alreadyGiven)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dose.GivenOn, birthDate, nameof(dose));
        var plan = VaccinationPlanner.Plan(birthDate, schedule);
        var planned = DoseMatcher.Match(plan, dose.Vaccine, dose.DoseNumber, alreadyGiven);
        var vaccine = schedule.CanonicalKey(dose.Vaccine) ?? dose.Vaccine;
        var warnings = new List<DoseWarning>();

        if (planned is null)
        {
            warnings.Add(DoseWarnings.Unscheduled(vaccine, dose.DoseNumber, schedule));
        }
        else
        {
            CheckAgeAndInterval(planned, dose, alreadyGiven, warnings);
        }

        CheckLiveSpacing(schedule, vaccine, dose, alreadyGiven, warnings);
        return new DoseCheck(vaccine, planned?.DoseNumber ?? dose.DoseNumber, planned, warnings);
    }

    /// <summary>
    /// A combination product completes one dose of every series it covers in the schedule
    /// (CVX 110: DTaP, HepB and IPV); one check per key, in the schedule's order.
    /// </summary>
    public static IReadOnlyList<DoseCheck> CheckProduct(DateOnly birthDate, VaccinationSchedule schedule, DateOnly givenOn,
        string cvx, IReadOnlyCollection<GivenDose> alreadyGiven)
    {
        var keys = CvxCatalog.VaccinesFor(cvx, schedule);
        if (keys.Count == 0)
        {
            var key = CvxCatalog.VaccinesFor(cvx) is [var first, ..] ? first : "CVX " + cvx;
            return [Check(birthDate, schedule, new DoseRecord(key, null, givenOn, cvx), alreadyGiven)];
        }

        return keys.Select(k => Check(birthDate, schedule, new DoseRecord(k, null, givenOn, cvx), alreadyGiven)).ToList();
    }

    private static void CheckAgeAndInterval(PlannedDose planned, DoseRecord dose, IReadOnlyCollection<GivenDose> alreadyGiven,
        List<DoseWarning> warnings)
    {
        if (dose.GivenOn < planned.AcceptedFromOn)
        {
            warnings.Add(DoseWarnings.Early(planned, dose.GivenOn));
        }

        // The interval counts from the latest earlier dose of the same series, whatever its number.
        var previous = alreadyGiven
            .Where(g => VaccinationSchedule.SameVaccine(g.Vaccine, planned.Vaccine)
                && g.DoseNumber != planned.DoseNumber && g.GivenOn <= dose.GivenOn)
            .MaxBy(g => g.GivenOn);
        if (planned.MinIntervalDays is { } min && previous is not null)
        {
            // CDSi accepts some doses already given earlier than it would schedule them (VAR 2 at 4 weeks).
            var days = dose.GivenOn.DayNumber - previous.GivenOn.DayNumber;
            if (days < (planned.AcceptedIntervalDays ?? min - GraceDays))
            {
                warnings.Add(DoseWarnings.TooSoon(planned, previous, days));
            }
        }

        var first = alreadyGiven.FirstOrDefault(g => g.DoseNumber == 1 && VaccinationSchedule.SameVaccine(g.Vaccine, planned.Vaccine));
        if (planned.MinDaysAfterDose1 is { } fromFirst && first is not null && planned.DoseNumber > 1)
        {
            var days = dose.GivenOn.DayNumber - first.GivenOn.DayNumber;
            if (days < fromFirst - GraceDays)
            {
                warnings.Add(DoseWarnings.TooSoonAfterFirst(planned, first, days));
            }
        }

        if (planned.MaxAgeOn is { } last && dose.GivenOn > last)
        {
            warnings.Add(DoseWarnings.TooOld(planned, dose.GivenOn));
        }
    }

    /// <summary>
    /// Two different live vaccines on different days less than the CDSi spacing apart: the
    /// later one may not count. No grace period applies. Oral live vaccines (rotavirus, OPV)
    /// are not in CDSi's conflict table and are exempt.
    /// </summary>
    private static void CheckLiveSpacing(VaccinationSchedule schedule, string vaccine, DoseRecord dose,
        IReadOnlyCollection<GivenDose> alreadyGiven, List<DoseWarning> warnings)
    {
        if (!IsLive(schedule, vaccine, dose.Cvx))
        {
            return;
        }

        var spacing = ScheduleCatalog.LiveVaccineSpacingDays;
        var conflict = alreadyGiven
            .Where(g => !VaccinationSchedule.SameVaccine(g.Vaccine, vaccine) && g.GivenOn < dose.GivenOn
                && dose.GivenOn.DayNumber - g.GivenOn.DayNumber < spacing && IsLive(schedule, g.Vaccine, g.Cvx))
            .MaxBy(g => g.GivenOn);
        if (conflict is not null)
        {
            warnings.Add(DoseWarnings.LiveSpacing(vaccine, conflict, dose.GivenOn.DayNumber - conflict.GivenOn.DayNumber, spacing));
        }
    }

    // The product decides when known (LAIV is live, injected flu vaccine is not); otherwise the schedule key.
    private static bool IsLive(VaccinationSchedule schedule, string vaccine, string? cvx) =>
        CvxCatalog.Find(cvx) is { } product
            ? product.Live
            : schedule.Doses.Any(d => d.Live && VaccinationSchedule.SameVaccine(d.Vaccine, vaccine));
}
