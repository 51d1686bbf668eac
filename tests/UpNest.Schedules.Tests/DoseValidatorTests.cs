using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Tests;

public class DoseValidatorTests
{
    private static readonly DateOnly Birth = new(2025, 1, 1);

    private static DoseCheck Check(string vaccine, int? dose, DateOnly on, string? cvx = null, string country = "US",
        params GivenDose[] given) =>
        DoseValidator.Check(Birth, country, new DoseRecord(vaccine, dose, on, cvx), given);

    private static string[] Codes(DoseCheck check) => check.Warnings.Select(w => w.Code).ToArray();

    [Fact]
    public void Four_days_before_the_minimum_age_still_counts()
    {
        // DTaP dose 1: minimum age 42 days, earliestOn 2025-02-12.
        var check = Check("DTaP", 1, Birth.AddDays(38));

        Assert.Empty(check.Warnings);
        Assert.Equal(Birth.AddDays(42), check.Planned!.EarliestOn);
    }

    [Fact]
    public void Five_days_before_the_minimum_age_is_warned()
    {
        var check = Check("DTaP", 1, Birth.AddDays(37));

        var warning = Assert.Single(check.Warnings);
        Assert.Equal(DoseWarnings.TooEarly, warning.Code);
        Assert.Contains("may need to be repeated — check with your paediatrician", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GB", "DTaP-IPV-Hib-HepB")]
    [InlineData("KE", "DTP")]
    public void The_same_grace_applies_to_UK_and_WHO_schedules(string country, string vaccine)
    {
        Assert.Empty(Check(vaccine, 1, Birth.AddDays(38), country: country).Warnings);
        Assert.Equal([DoseWarnings.TooEarly], Codes(Check(vaccine, 1, Birth.AddDays(37), country: country)));
    }

    [Fact]
    public void Minimum_interval_allows_four_days_grace_and_no_more()
    {
        var first = new GivenDose("DTaP", 1, Birth.AddDays(61));

        Assert.Empty(Check("DTaP", 2, Birth.AddDays(61 + 24), given: first).Warnings);
        Assert.Equal([DoseWarnings.TooSoonAfterPrevious], Codes(Check("DTaP", 2, Birth.AddDays(61 + 23), given: first)));
    }

    [Fact]
    public void Two_different_live_vaccines_27_days_apart_are_warned_without_grace()
    {
        var mmr = new GivenDose("MMR", 1, Birth.AddDays(365), "03");

        var check = Check("VAR", 1, Birth.AddDays(365 + 27), "21", given: mmr);

        Assert.Equal([DoseWarnings.LiveVaccineSpacing], Codes(check));
        Assert.Contains("may need to be repeated", check.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_live_vaccines_28_days_apart_or_the_same_day_are_fine()
    {
        var mmr = new GivenDose("MMR", 1, Birth.AddDays(365), "03");

        Assert.Empty(Check("VAR", 1, Birth.AddDays(365 + 28), "21", given: mmr).Warnings);
        Assert.Empty(Check("VAR", 1, Birth.AddDays(365), "21", given: mmr).Warnings);
    }

    [Fact]
    public void Live_is_judged_by_product_when_the_CVX_is_known()
    {
        var mmr = new GivenDose("MMR", 1, Birth.AddDays(365), "03");

        Assert.Equal([DoseWarnings.LiveVaccineSpacing], Codes(Check("Flu", 1, Birth.AddDays(380), "111", given: mmr)));
        Assert.Empty(Check("Flu", 1, Birth.AddDays(380), "140", given: mmr).Warnings);
        Assert.Empty(Check("DTaP", 4, Birth.AddDays(380), given: mmr).Warnings);
    }

    [Fact]
    public void Rotavirus_after_its_maximum_age_is_warned()
    {
        Assert.Empty(Check("RV", 1, Birth.AddDays(104)).Warnings);
        Assert.Equal([DoseWarnings.AfterMaximumAge], Codes(Check("RV", 1, Birth.AddDays(105))));
    }

    [Theory]
    [InlineData("YF", 1)]
    [InlineData("DTaP", 6)]
    public void A_dose_outside_the_schedule_is_recorded_with_a_note(string vaccine, int dose)
    {
        var check = Check(vaccine, dose, Birth.AddDays(400));

        Assert.Null(check.Planned);
        Assert.Equal([DoseWarnings.NotInSchedule], Codes(check));
    }

    [Fact]
    public void Without_a_dose_number_the_lowest_dose_not_yet_given_is_matched()
    {
        var check = Check("dtap", null, Birth.AddDays(122), given: new GivenDose("DTaP", 1, Birth.AddDays(61)));

        Assert.Equal("DTaP", check.Vaccine);
        Assert.Equal(2, check.DoseNumber);
        Assert.Equal(2, check.Planned!.DoseNumber);
    }

    [Fact]
    public void A_combination_product_completes_one_dose_of_each_series_it_covers()
    {
        var checks = DoseValidator.CheckProduct(Birth, ScheduleCatalog.Us, Birth.AddDays(61), "110",
            [new GivenDose("HepB", 1, Birth)]);

        Assert.Equal(["DTaP", "HepB", "IPV"], checks.Select(c => c.Vaccine).Order(StringComparer.Ordinal));
        Assert.Equal(2, checks.Single(c => c.Vaccine == "HepB").DoseNumber);
        Assert.All(checks, c => Assert.Empty(c.Warnings));
    }

    [Fact]
    public void A_dose_before_birth_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Check("HepB", 1, Birth.AddDays(-1)));
    }
}
