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

    [Theory]
    [InlineData("VAR", 2, 380, 380 + 28, false)] // CDSi: a varicella dose 2 given 4 weeks after dose 1 counts
    [InlineData("VAR", 2, 380, 380 + 27, true)]
    [InlineData("DTaP", 4, 250, 250 + 118, false)] // 4 months - 4 days after dose 3 counts, at 12 months or older
    [InlineData("DTaP", 4, 250, 250 + 117, true)]
    public void Doses_CDSi_accepts_at_a_shorter_interval_are_not_warned(string vaccine, int dose, int previousDay, int day, bool warned)
    {
        var previous = new GivenDose(vaccine, dose - 1, Birth.AddDays(previousDay));

        var check = Check(vaccine, dose, Birth.AddDays(day), given: previous);

        Assert.Equal(warned ? [DoseWarnings.TooSoonAfterPrevious] : [], Codes(check));
    }

    [Fact]
    public void Varicella_dose_2_counts_from_CDSi_s_absolute_minimum_of_13_months()
    {
        var dose1 = new GivenDose("VAR", 1, Birth.AddDays(365));

        // 13 months = 396 days (15 months, 457 days, is when CDC schedules it).
        Assert.Empty(Check("VAR", 2, Birth.AddDays(396), given: dose1).Warnings);
        Assert.Equal([DoseWarnings.TooEarly], Codes(Check("VAR", 2, Birth.AddDays(395), given: dose1)));
    }

    [Theory]
    [InlineData(60, false)] // 108 days after dose 1: 16 weeks minus the grace
    [InlineData(61, true)] // 107 days
    public void HepB_dose_3_must_also_be_16_weeks_after_dose_1(int dose1Day, bool warned)
    {
        GivenDose[] given = [new("HepB", 1, Birth.AddDays(dose1Day)), new("HepB", 2, Birth.AddDays(100))];

        var check = Check("HepB", 3, Birth.AddDays(168), given: given);

        Assert.Equal(warned ? [DoseWarnings.TooSoonAfterPrevious] : [], Codes(check));
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
