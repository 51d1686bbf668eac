using UpNest.Schedules.Cdsi;
using static UpNest.Schedules.Tests.Cdsi.CdsiCase;

namespace UpNest.Schedules.Tests.Cdsi;

/// <summary>CDSi forecasting: skips, series selection, catch-up, and the four dates.</summary>
public class CdsiForecastTests
{
    private static readonly DateOnly Born = D("2024-01-01");

    [Fact]
    public void A_newborn_is_forecast_from_minimum_and_recommended_ages_with_past_due_one_day_before_the_latest()
    {
        var result = new CdsiCase(Born).AsOf(Born);

        var dtap = result.Group("DTaP/Tdap/Td")!.Forecast!;
        Assert.Equal((1, D("2024-02-12"), D("2024-03-01")), (dtap.DoseNumber, dtap.Earliest, dtap.Recommended));
        Assert.Equal(CdsiDateBasis.MinimumAge, dtap.EarliestBasis);
        Assert.Equal("6 weeks", dtap.BasisInterval);
        Assert.Contains("20", dtap.VaccineCvx);

        // Rotavirus: latest date is the day before the 15-week maximum age.
        var rota = result.Group("Rotavirus")!.Forecast!;
        Assert.Equal(CdsiDuration.Parse("15 weeks").After(Born).AddDays(-1), rota.Latest);
        // HepB: past due the day before the latest recommended age.
        var hepB = result.Group("HepB")!.Forecast!;
        Assert.Equal(Born, hepB.Earliest);
        Assert.NotNull(hepB.PastDue);
    }

    [Fact]
    public void DTaP_dose_3_earliest_is_four_weeks_after_a_late_dose_2()
    {
        var dose2 = D("2024-08-20");
        var result = new CdsiCase(Born).GivenAt("20", 60).Given("20", dose2).AsOf(dose2.AddDays(7));

        var forecast = result.Group("DTaP/Tdap/Td")!.Forecast!;
        Assert.Equal(3, forecast.DoseNumber);
        Assert.Equal(dose2.AddDays(28), forecast.Earliest);
        Assert.Equal(CdsiDateBasis.IntervalFromPrevious, forecast.EarliestBasis);
        Assert.Equal("4 weeks", forecast.BasisInterval);
        Assert.True(forecast.Recommended >= forecast.Earliest);
    }

    [Fact]
    public void A_seven_year_old_who_is_behind_is_due_now_on_the_catch_up_schedule()
    {
        var born = D("2018-03-01");
        var asOf = D("2025-06-01");
        var result = new CdsiCase(born).Given("20", D("2018-05-01")).Given("20", D("2018-07-01"))
            .Given("10", D("2018-05-01")).Given("49", D("2018-05-01")).AsOf(asOf);

        var dtap = result.Group("DTaP/Tdap/Td")!;
        Assert.Equal(CdsiSeriesStatus.NotComplete, dtap.Status);
        Assert.True(dtap.Forecast!.Earliest <= asOf && dtap.Forecast.Recommended <= asOf, "catch-up dose is due now");
        // At 7 the childhood DTaP doses are skipped: the catch-up dose is Td/Tdap, not DTaP.
        Assert.DoesNotContain("20", dtap.Forecast.VaccineCvx);
        Assert.Contains("115", dtap.Forecast.VaccineCvx);
        // Hib and PCV are no longer recommended at 7, polio still is.
        Assert.Equal(CdsiSeriesStatus.AgedOut, result.Group("Hib")!.Status);
        Assert.Equal(CdsiSeriesStatus.NotComplete, result.Group("Polio")!.Status);
        Assert.True(result.Group("Polio")!.Forecast!.Earliest <= asOf);
    }

    [Fact]
    public void One_Hib_dose_after_15_months_completes_the_series()
    {
        var result = new CdsiCase(Born).Given("49", D("2025-05-01")).AsOf(D("2025-08-01"));

        Assert.Equal(CdsiSeriesStatus.Complete, result.Group("Hib")!.Status);
        Assert.Equal("Hib start at 15 months 1-dose series", result.Antigen("Hib")!.Series);
    }

    [Fact]
    public void Hib_doses_at_2_and_4_months_then_a_gap_need_one_more_dose_after_the_first_birthday()
    {
        var result = new CdsiCase(Born).GivenAt("49", 60).GivenAt("49", 120).AsOf(D("2026-01-01"));

        var hib = result.Group("Hib")!;
        Assert.Equal(CdsiSeriesStatus.NotComplete, hib.Status);
        Assert.True(hib.Forecast!.Earliest <= D("2026-01-01"));
        Assert.True(hib.Forecast.Earliest >= CdsiDuration.Parse("12 months").After(Born));
    }

    [Fact]
    public void A_nine_year_old_needs_one_influenza_dose_and_an_eight_year_old_two()
    {
        var nine = new CdsiCase(D("2016-03-01")).Given("150", D("2025-09-15")).AsOf(D("2025-10-01"));
        var eight = new CdsiCase(D("2017-03-01")).Given("150", D("2025-09-15")).AsOf(D("2025-10-01"));

        Assert.Equal(CdsiSeriesStatus.Complete, nine.Group("Influenza")!.Status);
        Assert.Equal(CdsiSeriesStatus.NotComplete, eight.Group("Influenza")!.Status);
        Assert.Equal(D("2025-10-13"), eight.Group("Influenza")!.Forecast!.Earliest);
    }

    [Fact]
    public void Influenza_is_not_forecast_before_the_season_starts()
    {
        var result = new CdsiCase(D("2020-03-01")).AsOf(D("2025-05-01"));

        var flu = result.Group("Influenza")!.Forecast!;
        Assert.Equal((D("2025-07-01"), CdsiDateBasis.SeasonStart), (flu.Earliest, flu.EarliestBasis));
    }

    [Fact]
    public void HPV_started_at_15_or_later_is_the_3_dose_series()
    {
        var late = new CdsiCase(D("2008-01-01"), CdsiSex.Female).Given("165", D("2023-02-01")).AsOf(D("2023-06-01"));
        var early = new CdsiCase(D("2011-01-01"), CdsiSex.Female).Given("165", D("2023-02-01")).AsOf(D("2023-06-01"));

        Assert.Equal("HPV 3-dose series", late.Antigen("HPV")!.Series);
        Assert.Equal(D("2023-03-01"), late.Group("HPV")!.Forecast!.Earliest);
        Assert.Equal("HPV 2-dose series", early.Antigen("HPV")!.Series);
        Assert.Equal(D("2023-07-01"), early.Group("HPV")!.Forecast!.Earliest);
    }

    [Fact]
    public void The_series_follows_the_patients_sex_where_CDC_sets_one()
    {
        var male = new CdsiCase(D("2011-01-01"), CdsiSex.Male).AsOf(D("2023-06-01"));

        Assert.StartsWith("HPV male", male.Antigen("HPV")!.Series, StringComparison.Ordinal);
    }

    [Fact]
    public void IPV_dose_4_before_age_4_calls_for_a_fifth_dose_at_4()
    {
        var child = new CdsiCase(D("2020-01-01"));
        foreach (var date in new[] { "2020-03-01", "2020-05-01", "2020-07-01", "2021-01-01" })
        {
            child.Given("10", D(date));
        }

        var result = child.AsOf(D("2025-06-01"));

        Assert.Equal("Polio 5-dose series", result.Antigen("Polio")!.Series);
        var forecast = result.Group("Polio")!.Forecast!;
        Assert.Equal((5, D("2024-01-01")), (forecast.DoseNumber, forecast.Earliest));
    }

    [Fact]
    public void IPV_dose_4_after_age_4_completes_polio()
    {
        var child = new CdsiCase(D("2020-01-01"));
        foreach (var date in new[] { "2020-03-01", "2020-05-01", "2020-07-01", "2024-01-05" })
        {
            child.Given("10", D(date));
        }

        Assert.Equal(CdsiSeriesStatus.Complete, child.AsOf(D("2025-06-01")).Group("Polio")!.Status);
    }

    [Fact]
    public void DTaP_dose_5_is_skipped_when_dose_4_came_after_age_4_and_the_adolescent_Tdap_is_next()
    {
        var child = new CdsiCase(D("2020-01-01"));
        foreach (var date in new[] { "2020-03-01", "2020-05-01", "2020-07-01", "2024-01-02" })
        {
            child.Given("20", D(date));
        }

        var forecast = child.AsOf(D("2025-06-01")).Group("DTaP/Tdap/Td")!.Forecast!;

        Assert.Equal(D("2031-01-01"), forecast.Earliest);
        Assert.Contains("115", forecast.VaccineCvx);
    }

    [Fact]
    public void Tdap_at_10_as_catch_up_counts_and_Td_or_Tdap_follows_four_weeks_later()
    {
        var result = new CdsiCase(D("2014-01-01")).Given("115", D("2025-01-02")).AsOf(D("2025-06-01"));

        Assert.Equal(CdsiDoseStatus.Valid, result.Antigen("Pertussis")!.Doses.Single().Status);
        Assert.Equal(CdsiDoseStatus.Valid, result.Antigen("Tetanus")!.Doses.Single().Status);
        Assert.Equal(D("2025-01-30"), result.Group("DTaP/Tdap/Td")!.Forecast!.Earliest);
    }

    [Fact]
    public void Rotavirus_ages_out()
    {
        Assert.Equal(CdsiSeriesStatus.AgedOut, new CdsiCase(Born).AsOf(D("2024-10-01")).Group("Rotavirus")!.Status);
    }

    [Fact]
    public void Birth_before_1957_is_evidence_of_measles_immunity()
    {
        var result = new CdsiCase(D("1956-06-01")).AsOf(D("2025-06-01"));

        Assert.Equal(CdsiSeriesStatus.Immune, result.Antigen("Measles")!.Status);
    }

    [Fact]
    public void MMR_waits_for_every_antigen_of_the_group()
    {
        // Measles-rubella (04) counts for measles and rubella only: mumps still needs dose 1.
        var result = new CdsiCase(Born).Given("04", D("2025-01-05")).AsOf(D("2025-03-01"));

        var mmr = result.Group("MMR")!;
        Assert.Equal(CdsiSeriesStatus.NotComplete, mmr.Status);
        Assert.Equal(CdsiSeriesStatus.NotComplete, result.Antigen("Mumps")!.Status);
        Assert.Equal(1, result.Antigen("Mumps")!.Forecast!.DoseNumber);
        Assert.Equal(2, result.Antigen("Measles")!.Forecast!.DoseNumber);
        // Given together: the group's earliest date is the latest of its antigens'.
        Assert.Equal(new[] { result.Antigen("Mumps")!.Forecast!.Earliest, result.Antigen("Measles")!.Forecast!.Earliest }.Max(), mmr.Forecast!.Earliest);
    }

    [Fact]
    public void The_same_history_answers_differently_on_different_days()
    {
        var child = new CdsiCase(Born).GivenAt("08", 0).GivenAt("08", 35);

        Assert.Equal(2, child.AsOf(Born.AddDays(20)).Group("HepB")!.Forecast!.DoseNumber);
        Assert.Equal(3, child.AsOf(Born.AddDays(40)).Group("HepB")!.Forecast!.DoseNumber);
    }
}
