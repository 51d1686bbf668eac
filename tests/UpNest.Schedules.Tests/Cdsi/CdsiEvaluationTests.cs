using UpNest.Schedules.Cdsi;
using static UpNest.Schedules.Tests.Cdsi.CdsiCase;

namespace UpNest.Schedules.Tests.Cdsi;

/// <summary>CDSi "Evaluate Vaccine Dose Administered", one rule at a time.</summary>
public class CdsiEvaluationTests
{
    private static readonly DateOnly Born = D("2024-01-01");

    private static CdsiDoseEvaluation Dose(CdsiResult result, string antigen, string id) =>
        result.Antigen(antigen)!.Doses.Single(d => d.DoseId == id);

    [Fact]
    public void Age_grace_of_four_days_counts_a_first_dose_and_five_days_does_not()
    {
        // DTaP dose 1: minimum age 6 weeks, absolute minimum 6 weeks - 4 days.
        var grace = new CdsiCase(Born).GivenAt("20", 42 - 4).AsOf(D("2024-03-01"));
        var early = new CdsiCase(Born).GivenAt("20", 42 - 5).AsOf(D("2024-03-01"));

        Assert.Equal((CdsiDoseStatus.Valid, CdsiDoseReason.GracePeriod), (Dose(grace, "Diphtheria", "d0").Status, Dose(grace, "Diphtheria", "d0").Reason));
        Assert.Equal((CdsiDoseStatus.NotValid, CdsiDoseReason.TooYoung), (Dose(early, "Diphtheria", "d0").Status, Dose(early, "Diphtheria", "d0").Reason));
    }

    [Fact]
    public void DTaP_dose_2_at_10_weeks_minus_5_days_is_not_valid_and_dose_2_is_forecast_again()
    {
        var result = new CdsiCase(Born).GivenAt("20", 42).GivenAt("20", 70 - 5).AsOf(D("2024-03-20"));

        var dose2 = Dose(result, "Diphtheria", "d1");
        Assert.Equal((CdsiDoseStatus.NotValid, CdsiDoseReason.TooYoung, 2), (dose2.Status, dose2.Reason, dose2.TargetDose));
        var forecast = result.Group("DTaP/Tdap/Td")!.Forecast!;
        Assert.Equal(2, forecast.DoseNumber);
        // The interval counts from the dose that did not count: 4 weeks after it, later than 10 weeks of age.
        Assert.Equal(Born.AddDays(65 + 28), forecast.Earliest);
        Assert.Equal(CdsiDateBasis.IntervalFromPrevious, forecast.EarliestBasis);
    }

    [Fact]
    public void Interval_grace_applies_unless_the_previous_dose_failed_on_age_or_interval()
    {
        var first = Born.AddDays(56);
        var inGrace = new CdsiCase(Born).Given("20", first).Given("20", first.AddDays(28 - 2)).AsOf(D("2024-06-01"));
        Assert.Equal(CdsiDoseReason.GracePeriod, Dose(inGrace, "Diphtheria", "d1").Reason);

        // Dose 2 three weeks after dose 1 is too soon; dose 3 inside the grace of dose 2's interval gets no grace.
        var chained = new CdsiCase(Born).Given("20", first).Given("20", first.AddDays(21)).Given("20", first.AddDays(21 + 28 - 2)).AsOf(D("2024-06-01"));
        Assert.Equal(CdsiDoseReason.TooSoon, Dose(chained, "Diphtheria", "d1").Reason);
        Assert.Equal((CdsiDoseStatus.NotValid, CdsiDoseReason.TooSoon), (Dose(chained, "Diphtheria", "d2").Status, Dose(chained, "Diphtheria", "d2").Reason));
    }

    [Theory]
    [InlineData("2025-03-01", "2025-08-27", CdsiDoseStatus.NotValid, CdsiDoseReason.TooSoon)]
    [InlineData("2025-03-01", "2025-08-28", CdsiDoseStatus.Valid, CdsiDoseReason.GracePeriod)]
    [InlineData("2025-01-05", "2025-07-03", CdsiDoseStatus.Valid, CdsiDoseReason.GracePeriod)]
    public void HepA_dose_2_needs_6_months_minus_4_days_on_the_calendar(string dose1, string dose2, CdsiDoseStatus status, CdsiDoseReason reason)
    {
        // 179 days after 1 March is too soon (6 months - 4 days is 180 days then); after 5 January it is not.
        var result = new CdsiCase(Born).Given("83", D(dose1)).Given("83", D(dose2)).AsOf(D("2026-01-01"));

        var evaluation = Dose(result, "HepA", "d1");
        Assert.Equal((status, reason), (evaluation.Status, evaluation.Reason));
    }

    [Fact]
    public void MMRV_24_days_after_MMR_is_a_live_virus_conflict_for_every_antigen_it_carries()
    {
        var result = new CdsiCase(Born).Given("03", D("2025-01-05")).Given("94", D("2025-01-29")).AsOf(D("2025-06-01"));

        Assert.Equal((CdsiDoseStatus.NotValid, CdsiDoseReason.LiveVirusConflict), (Dose(result, "Measles", "d1").Status, Dose(result, "Measles", "d1").Reason));
        Assert.Equal(CdsiDoseReason.LiveVirusConflict, Dose(result, "Varicella", "d1").Reason);
        Assert.Equal(2, result.Group("MMR")!.Forecast!.DoseNumber);
        Assert.Equal(1, result.Group("Varicella")!.Forecast!.DoseNumber);
    }

    [Fact]
    public void A_second_MMR_24_days_after_the_first_is_inside_the_conflict_grace_and_counts()
    {
        // MMR after MMR: minimum conflict end 24 days; the 4-week interval has 4 days of grace.
        var result = new CdsiCase(Born).Given("03", D("2025-01-05")).Given("03", D("2025-01-29")).AsOf(D("2025-06-01"));

        Assert.Equal((CdsiDoseStatus.Valid, CdsiDoseReason.GracePeriod), (Dose(result, "Measles", "d1").Status, Dose(result, "Measles", "d1").Reason));
        Assert.Equal(CdsiSeriesStatus.Complete, result.Group("MMR")!.Status);
    }

    [Fact]
    public void Varicella_needs_28_full_days_after_MMR()
    {
        var tooSoon = new CdsiCase(Born).Given("03", D("2025-01-05")).Given("21", D("2025-02-01")).AsOf(D("2025-06-01"));
        var onTime = new CdsiCase(Born).Given("03", D("2025-01-05")).Given("21", D("2025-02-02")).AsOf(D("2025-06-01"));

        Assert.Equal(CdsiDoseReason.LiveVirusConflict, Dose(tooSoon, "Varicella", "d1").Reason);
        Assert.Equal(CdsiDoseStatus.Valid, Dose(onTime, "Varicella", "d1").Status);
        // The forecast waits for the conflict to end.
        Assert.Equal(D("2025-03-01"), tooSoon.Group("Varicella")!.Forecast!.Earliest);
        Assert.Equal(CdsiDateBasis.LiveVirusConflict, tooSoon.Group("Varicella")!.Forecast!.EarliestBasis);
    }

    [Fact]
    public void Td_for_an_infant_is_an_inadvertent_vaccine_and_leaves_the_dose_open()
    {
        var result = new CdsiCase(Born).GivenAt("09", 60).GivenAt("20", 61).AsOf(D("2024-04-01"));

        Assert.Equal((CdsiDoseStatus.NotValid, CdsiDoseReason.Inadvertent), (Dose(result, "Diphtheria", "d0").Status, Dose(result, "Diphtheria", "d0").Reason));
        Assert.Equal((CdsiDoseStatus.Valid, 1), (Dose(result, "Diphtheria", "d1").Status, Dose(result, "Diphtheria", "d1").TargetDose));
    }

    [Fact]
    public void A_vaccine_neither_preferable_nor_allowable_for_the_target_dose_is_not_valid()
    {
        // DTaP-Hib (50) counts for Hib only as a booster, never as the first dose.
        var result = new CdsiCase(Born).GivenAt("50", 60).AsOf(D("2024-04-01"));

        Assert.Equal((CdsiDoseStatus.NotValid, CdsiDoseReason.NotPreferableOrAllowable),
            (Dose(result, "Hib", "d0").Status, Dose(result, "Hib", "d0").Reason));
        // PPSV23 (33) for an infant is an inadvertent administration.
        var ppsv = new CdsiCase(Born).GivenAt("33", 60).AsOf(D("2024-04-01"));
        Assert.Equal(CdsiDoseReason.Inadvertent, Dose(ppsv, "Pneumococcal", "d0").Reason);
    }

    [Fact]
    public void Doses_beyond_the_series_are_extraneous_and_a_combination_product_keeps_every_antigen()
    {
        // Five IPV, the fourth after age 4, then Pediarix: the polio part has no slot left.
        var child = new CdsiCase(Born);
        foreach (var age in new[] { 60, 120, 180, 365 })
        {
            child.GivenAt("10", age);
        }

        child.Given("10", D("2028-01-10")).Given("110", D("2028-03-01"));
        var result = child.AsOf(D("2028-06-01"));

        Assert.Equal((CdsiDoseStatus.Extraneous, CdsiDoseReason.SeriesComplete), (Dose(result, "Polio", "d5").Status, Dose(result, "Polio", "d5").Reason));
        Assert.Equal(CdsiDoseStatus.Valid, Dose(result, "Diphtheria", "d5").Status);
        Assert.Equal(CdsiDoseStatus.Valid, Dose(result, "HepB", "d5").Status);
    }

    [Fact]
    public void A_vaccine_outside_the_CDSi_map_is_kept_as_extraneous()
    {
        var result = new CdsiCase(Born).GivenAt("999", 60).AsOf(D("2024-04-01"));

        var dose = Assert.Single(result.Unmapped);
        Assert.Equal((CdsiDoseStatus.Extraneous, CdsiDoseReason.NotInSchedule), (dose.Status, dose.Reason));
    }

    [Fact]
    public void Historical_products_are_evaluated_by_their_antigens()
    {
        // DTP (01), OPV (02), Td (09 at 8 years), monovalent measles (05).
        Assert.Equal(["Diphtheria", "Tetanus", "Pertussis"], CdsiEngine.AntigensOf("01"));
        var result = new CdsiCase(Born).GivenAt("01", 60).GivenAt("02", 60).GivenAt("05", 400).AsOf(D("2025-06-01"));

        Assert.Equal(CdsiDoseStatus.Valid, Dose(result, "Pertussis", "d0").Status);
        Assert.Equal(CdsiDoseStatus.Valid, Dose(result, "Polio", "d1").Status);
        Assert.Equal(CdsiDoseStatus.Valid, Dose(result, "Measles", "d2").Status);
        Assert.Empty(result.Antigen("Mumps")!.Doses);
    }

    [Fact]
    public void Doses_after_the_assessment_date_are_ignored()
    {
        var child = new CdsiCase(Born).GivenAt("08", 0).GivenAt("08", 40);

        Assert.Single(child.AsOf(Born.AddDays(10)).Antigen("HepB")!.Doses);
        Assert.Equal(2, child.AsOf(Born.AddDays(40)).Antigen("HepB")!.Doses.Count);
    }

    [Fact]
    public void A_dose_after_the_maximum_age_is_extraneous_too_old()
    {
        // Rotavirus dose 1: 15 weeks in the routine series, 8 months + 1 day in the late-start one.
        var late = new CdsiCase(Born).GivenAt("116", 7 * 15 + 1).AsOf(D("2024-06-01"));
        Assert.Equal(CdsiDoseStatus.Valid, Dose(late, "Rotavirus", "d0").Status);
        Assert.Equal("Rotavirus late start at 15 weeks 3-dose series", late.Antigen("Rotavirus")!.Series);

        var result = new CdsiCase(Born).Given("116", D("2024-09-02")).AsOf(D("2024-10-01"));

        Assert.Equal((CdsiDoseStatus.Extraneous, CdsiDoseReason.TooOld), (Dose(result, "Rotavirus", "d0").Status, Dose(result, "Rotavirus", "d0").Reason));
    }
}
