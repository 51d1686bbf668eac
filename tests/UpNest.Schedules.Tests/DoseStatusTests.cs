using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Tests;

public class DoseStatusTests
{
    private static readonly DateOnly Birth = new(2025, 1, 1);
    private static readonly IReadOnlyList<PlannedDose> UsPlan = VaccinationPlanner.Plan(Birth, "US");

    private static PlannedDose Dose(string vaccine, int number) => UsPlan.Single(p => p.Vaccine == vaccine && p.DoseNumber == number);

    [Theory]
    [InlineData("2025-01-30", DoseStatus.Upcoming)] // day before dueOn (birth + 30)
    [InlineData("2025-01-31", DoseStatus.Due)]
    [InlineData("2025-04-29", DoseStatus.Due)] // day before overdueOn (birth + 119)
    [InlineData("2025-04-30", DoseStatus.Overdue)]
    [InlineData("2030-01-01", DoseStatus.Overdue)]
    public void HepB_dose_2_moves_from_upcoming_to_due_to_overdue(string day, DoseStatus expected)
    {
        Assert.Equal(expected, DoseStatusCalculator.StatusOn(Dose("HepB", 2), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Given_beats_skipped_and_skipped_beats_the_calendar()
    {
        var dose = Dose("HepB", 2);
        var late = new DateOnly(2026, 1, 1);

        Assert.Equal(DoseStatus.Completed, DoseStatusCalculator.StatusOn(dose, late, givenOn: new DateOnly(2025, 2, 1), skipped: true));
        Assert.Equal(DoseStatus.Skipped, DoseStatusCalculator.StatusOn(dose, late, skipped: true));
    }

    [Fact]
    public void Rotavirus_dose_1_is_due_without_an_overdue_state_then_not_applicable_after_its_maximum_age()
    {
        var rv1 = Dose("RV", 1);

        Assert.Null(rv1.OverdueOn);
        Assert.Equal(DoseStatus.Due, DoseStatusCalculator.StatusOn(rv1, Birth.AddDays(104)));
        Assert.Equal(DoseStatus.NotApplicable, DoseStatusCalculator.StatusOn(rv1, Birth.AddDays(105)));
        Assert.Equal(DoseStatus.Completed, DoseStatusCalculator.StatusOn(rv1, Birth.AddDays(300), givenOn: Birth.AddDays(70)));
    }

    [Fact]
    public void Later_rotavirus_doses_lapse_when_the_series_was_never_started()
    {
        var states = DoseStatusCalculator.StatusesOn(UsPlan, Birth.AddDays(105), given: []);

        Assert.Equal(DoseStatus.NotApplicable, states.Single(s => s.Dose is { Vaccine: "RV", DoseNumber: 2 }).Status);
        Assert.Equal(DoseStatus.NotApplicable, states.Single(s => s.Dose is { Vaccine: "RV", DoseNumber: 3 }).Status);
        Assert.Equal(DoseStatus.Due, states.Single(s => s.Dose is { Vaccine: "DTaP", DoseNumber: 1 }).Status);
    }

    [Fact]
    public void Started_rotavirus_series_continues_until_8_months()
    {
        GivenDose[] given = [new("RV", 1, Birth.AddDays(61), "116")];

        var before = DoseStatusCalculator.StatusesOn(UsPlan, new DateOnly(2025, 9, 1), given);
        var after = DoseStatusCalculator.StatusesOn(UsPlan, new DateOnly(2025, 9, 2), given);

        Assert.Equal(DoseStatus.Overdue, before.Single(s => s.Dose is { Vaccine: "RV", DoseNumber: 2 }).Status);
        Assert.Equal(DoseStatus.NotApplicable, after.Single(s => s.Dose is { Vaccine: "RV", DoseNumber: 2 }).Status);
    }

    [Fact]
    public void Two_Rotarix_doses_make_rotavirus_dose_3_unnecessary()
    {
        GivenDose[] rotarix = [new("RV", 1, Birth.AddDays(61), "119"), new("RV", 2, Birth.AddDays(122), "119")];
        GivenDose[] rotateq = [new("RV", 1, Birth.AddDays(61), "116"), new("RV", 2, Birth.AddDays(122), "116")];
        var day = Birth.AddDays(190);

        Assert.Equal(DoseStatus.NotApplicable, DoseStatusCalculator.StatusesOn(UsPlan, day, rotarix).Single(s => s.Dose is { Vaccine: "RV", DoseNumber: 3 }).Status);
        Assert.Equal(DoseStatus.Due, DoseStatusCalculator.StatusesOn(UsPlan, day, rotateq).Single(s => s.Dose is { Vaccine: "RV", DoseNumber: 3 }).Status);
    }

    [Fact]
    public void Two_PedvaxHIB_doses_make_Hib_dose_3_unnecessary()
    {
        GivenDose[] given = [new("Hib", 1, Birth.AddDays(61), "49"), new("Hib", 2, Birth.AddDays(122), "49")];

        var states = DoseStatusCalculator.StatusesOn(UsPlan, Birth.AddDays(190), given);

        Assert.Equal(DoseStatus.NotApplicable, states.Single(s => s.Dose is { Vaccine: "Hib", DoseNumber: 3 }).Status);
        Assert.Equal(DoseStatus.Upcoming, states.Single(s => s.Dose is { Vaccine: "Hib", DoseNumber: 4 }).Status);
    }

    [Fact]
    public void Skipped_doses_keep_their_reason_and_given_doses_their_record()
    {
        var given = new GivenDose("DTaP", 1, Birth.AddDays(61));
        var skip = new SkippedDose("hepb", 1, "Mother HBsAg-negative; deferred after discussion");

        var states = DoseStatusCalculator.StatusesOn(UsPlan, Birth.AddDays(62), [given], [skip]);

        Assert.Equal(skip, states.Single(s => s.Dose is { Vaccine: "HepB", DoseNumber: 1 }).Skipped);
        Assert.Equal(DoseStatus.Skipped, states.Single(s => s.Dose is { Vaccine: "HepB", DoseNumber: 1 }).Status);
        Assert.Equal(given, states.Single(s => s.Dose is { Vaccine: "DTaP", DoseNumber: 1 }).Given);
    }

    [Fact]
    public void A_skip_needs_a_reason()
    {
        Assert.Throws<ArgumentException>(() => new SkippedDose("HepB", 1, " "));
    }

    [Theory]
    [InlineData(DoseStatus.NotApplicable, "not-applicable")]
    [InlineData(DoseStatus.Overdue, "overdue")]
    public void Statuses_use_the_contract_names(DoseStatus status, string name)
    {
        Assert.Equal(name, status.ToApi());
        Assert.True(ApiNames.TryParse<DoseStatus>(name, out var parsed));
        Assert.Equal(status, parsed);
    }
}
