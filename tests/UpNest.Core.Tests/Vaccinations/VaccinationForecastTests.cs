using UpNest.Core.Babies;
using UpNest.Core.Vaccinations;
using UpNest.Schedules.Cdsi;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Tests.Vaccinations;

/// <summary>From stored records to CDSi's dose history and back to each record.</summary>
public sealed class VaccinationForecastTests
{
    private static readonly DateOnly Birth = new(2026, 1, 1);

    private static readonly Baby Mia = new() { Id = "b", Name = "Mia", Sex = Sex.Female, DateOfBirth = Birth, CreatedBy = "u" };

    [Fact]
    public void A_combination_product_recorded_under_three_keys_is_one_administration()
    {
        var day = Birth.AddDays(60);
        var records = new[] { Given("DTaP", 1, day, "110"), Given("HepB", 1, day, "110"), Given("IPV", 1, day, "110") };

        var forecast = VaccinationForecast.For(Mia, ScheduleCatalog.Us, records, day)!;

        // Evaluated once: a second and third administration the same day would be too soon.
        Assert.All(forecast.ByRecord.Values, e => Assert.Equal(CdsiDoseStatus.Valid, e.Status));
        Assert.Equal(["Diphtheria", "Pertussis", "Tetanus"], forecast.ByRecord["DTaP.1"].Antigens.Select(a => a.Antigen!).Order().ToArray());
        Assert.Equal("HepB", Assert.Single(forecast.ByRecord["HepB.1"].Antigens).Antigen);
    }

    [Fact]
    public void A_dose_without_a_CVX_code_is_evaluated_as_CDCs_unspecified_product_of_its_key()
    {
        var records = new[] { Given("MMR", 1, Birth.AddDays(370), null) };

        var forecast = VaccinationForecast.For(Mia, ScheduleCatalog.Us, records, Birth.AddDays(400))!;

        Assert.Equal(CdsiDoseStatus.Valid, forecast.ByRecord["MMR.1"].Status);
        Assert.Equal(2, forecast.Result.Group("MMR")!.Forecast!.DoseNumber);
    }

    [Fact]
    public void Doses_after_the_day_do_not_count_and_other_schedules_have_no_CDSi_forecast()
    {
        var records = new[] { Given("HepB", 1, Birth, "08"), Given("HepB", 2, Birth.AddDays(40), "08") };

        var early = VaccinationForecast.For(Mia, ScheduleCatalog.Us, records, Birth.AddDays(10))!;

        Assert.Equal(["HepB.1"], early.ByRecord.Keys.ToArray());
        Assert.Equal(2, early.Result.Group("HepB")!.Forecast!.DoseNumber);
        Assert.Null(VaccinationForecast.For(Mia, ScheduleCatalog.ForCountry("GB"), records, Birth.AddDays(10)));
    }

    [Fact]
    public void The_next_pending_dose_is_never_due_before_the_forecast_earliest_date()
    {
        var plan = VaccinationPlanner.Plan(Birth, "US").Select(p => new VaccinationDose
        {
            Id = VaccinationDose.IdFor(p.Vaccine, p.DoseNumber), BabyId = "b", Vaccine = p.Vaccine, DoseNumber = p.DoseNumber, Planned = p, CreatedBy = "u",
        }).ToList();
        var late = Birth.AddDays(150);
        plan[plan.FindIndex(r => r.Id == "DTaP.1")] = plan.Single(r => r.Id == "DTaP.1") with { Given = new DoseGiven { GivenOn = late, Cvx = "20" } };

        var forecast = VaccinationForecast.For(Mia, ScheduleCatalog.Us, plan, late)!;
        var dose2 = plan.Single(r => r.Id == "DTaP.2");
        var effective = forecast.Effective(dose2, plan)!;

        Assert.Equal(late.AddDays(28), effective.EarliestOn);
        Assert.Equal(late.AddDays(28), effective.DueOn);
        Assert.True(dose2.Planned!.DueOn < effective.DueOn);
        // Dose 3 is not the next one: it keeps the schedule's dates.
        Assert.Equal(plan.Single(r => r.Id == "DTaP.3").Planned, forecast.Effective(plan.Single(r => r.Id == "DTaP.3"), plan));
        Assert.False(forecast.Closes("DTaP"));
    }

    private static VaccinationDose Given(string vaccine, int number, DateOnly on, string? cvx) => new()
    {
        Id = VaccinationDose.IdFor(vaccine, number), BabyId = "b", Vaccine = vaccine, DoseNumber = number, CreatedBy = "u",
        Given = new DoseGiven { GivenOn = on, Cvx = cvx },
    };
}

/// <summary>UK and WHO: the schedule's minimum intervals hold the next dose after a late one.</summary>
public sealed class IntervalHoldTests
{
    private static readonly DateOnly Birth = new(2026, 1, 1);

    [Theory]
    [InlineData("UK", "DTaP-IPV-Hib-HepB")]
    [InlineData("WHO", "DTP")]
    public void A_late_dose_moves_the_next_one_by_the_minimum_interval(string schedule, string key)
    {
        var plan = VaccinationPlanner.Plan(Birth, schedule).Select(p => new VaccinationDose
        {
            Id = VaccinationDose.IdFor(p.Vaccine, p.DoseNumber), BabyId = "b", Vaccine = p.Vaccine, DoseNumber = p.DoseNumber, Planned = p, CreatedBy = "u",
        }).ToList();
        var late = Birth.AddDays(120);
        var index = plan.FindIndex(r => r.Id == key + ".1");
        plan[index] = plan[index] with { Given = new DoseGiven { GivenOn = late } };

        var dose2 = plan.Single(r => r.Id == key + ".2");
        var held = IntervalHold.Effective(dose2, plan)!;

        Assert.Equal(28, dose2.Planned!.MinIntervalDays);
        Assert.Equal(late.AddDays(28), held.EarliestOn);
        Assert.Equal(late.AddDays(28), held.DueOn);
        Assert.True(dose2.Planned.DueOn < held.DueOn);
        // Dose 3 waits for dose 2: the schedule's dates.
        var dose3 = plan.Single(r => r.Id == key + ".3");
        Assert.Equal(dose3.Planned, IntervalHold.Effective(dose3, plan));
    }

    [Fact]
    public void A_dose_on_time_keeps_the_schedules_dates()
    {
        var plan = VaccinationPlanner.Plan(Birth, "UK").Select(p => new VaccinationDose
        {
            Id = VaccinationDose.IdFor(p.Vaccine, p.DoseNumber), BabyId = "b", Vaccine = p.Vaccine, DoseNumber = p.DoseNumber, Planned = p, CreatedBy = "u",
        }).ToList();
        var index = plan.FindIndex(r => r.Id == "DTaP-IPV-Hib-HepB.1");
        plan[index] = plan[index] with { Given = new DoseGiven { GivenOn = Birth.AddDays(42) } };

        var dose2 = plan.Single(r => r.Id == "DTaP-IPV-Hib-HepB.2");

        Assert.Equal(dose2.Planned, IntervalHold.Effective(dose2, plan));
    }
}
