using System.Globalization;

namespace UpNest.Schedules.Vaccinations;

/// <summary>Warning codes and their plain-language messages, in one place.</summary>
public static class DoseWarnings
{
    public const string TooEarly = "too-early";
    public const string TooSoonAfterPrevious = "too-soon-after-previous";
    public const string AfterMaximumAge = "after-maximum-age";
    public const string LiveVaccineSpacing = "live-vaccine-spacing";
    public const string NotInSchedule = "not-in-schedule";
    public const string Extraneous = "extraneous";

    private const string Repeat = "It may need to be repeated — check with your paediatrician.";

    internal static DoseWarning Early(PlannedDose dose, DateOnly givenOn) => new(TooEarly,
        $"{dose.DisplayName} dose {dose.DoseNumber} was given on {Day(givenOn)}, before the youngest age at which it counts " +
        $"({Day(dose.EarliestOn)}; a dose counts from {Day(dose.AcceptedFromOn)}). {Repeat}");

    internal static DoseWarning TooSoon(PlannedDose dose, GivenDose previous, int days) => new(TooSoonAfterPrevious,
        $"{dose.DisplayName} dose {dose.DoseNumber} was given {days} days after the previous dose ({Day(previous.GivenOn)}); " +
        $"the doses should be at least {dose.MinIntervalDays} days apart. {Repeat}");

    internal static DoseWarning TooSoonAfterFirst(PlannedDose dose, GivenDose first, int days) => new(TooSoonAfterPrevious,
        $"{dose.DisplayName} dose {dose.DoseNumber} was given {days} days after dose 1 ({Day(first.GivenOn)}); " +
        $"it should be at least {dose.MinDaysAfterDose1} days after dose 1. {Repeat}");

    internal static DoseWarning TooOld(PlannedDose dose, DateOnly givenOn) => new(AfterMaximumAge,
        $"{dose.DisplayName} dose {dose.DoseNumber} was given on {Day(givenOn)}, after the last day it can be given " +
        $"({Day(dose.MaxAgeOn!.Value)}). {Repeat}");

    internal static DoseWarning LiveSpacing(string vaccine, GivenDose other, int days, int spacing) => new(LiveVaccineSpacing,
        $"{vaccine} and {other.Vaccine} are both live vaccines and were given {days} days apart ({Day(other.GivenOn)}). " +
        $"Live vaccines are given on the same day or at least {spacing} days apart. {Repeat}");

    internal static DoseWarning Unscheduled(string vaccine, int? doseNumber, VaccinationSchedule schedule) => new(NotInSchedule,
        (doseNumber is { } n ? $"{vaccine} dose {n}" : $"This {vaccine} dose") +
        $" is not part of the {schedule.Name} schedule that UpNest follows for this baby. It has been recorded as given; " +
        "check with your paediatrician if you are unsure whether it counts.");

    /// <summary>The part of a combination product for a series that has no dose left to fill.</summary>
    public static DoseWarning NoOpenSlot(string vaccine, DateOnly givenOn) => new(Extraneous,
        $"The {vaccine} part of the product given on {Day(givenOn)} has no open {vaccine} dose to count for: every planned dose " +
        "is recorded already. It has been recorded as an extra dose; it does not need to be repeated.");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
