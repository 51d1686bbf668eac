using UpNest.Schedules.Vaccinations;
using static UpNest.Schedules.Tests.Support.Reference;

namespace UpNest.Schedules.Tests;

public class PlannerTests
{
    public static TheoryData<string, string, string> CountriesAndBirthDates()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (country, file) in new[]
                 {
                     ("US", "us-cdc-child-schedule.csv"), ("GB", "uk-nhs-routine-schedule.csv"), ("KE", "who-epi-recommended.csv"),
                 })
        {
            foreach (var birth in new[] { "2024-02-29", "2025-01-31", "2025-12-31", "2026-03-14" })
            {
                data.Add(country, file, birth);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CountriesAndBirthDates))]
    public void Every_routine_reference_row_is_planned_on_the_right_days(string country, string file, string birthText)
    {
        var birth = DateOnly.Parse(birthText, System.Globalization.CultureInfo.InvariantCulture);
        var plan = VaccinationPlanner.Plan(birth, country);
        var rows = Csv(file).Where(r => !(r["vaccine_code"] == "bOPV" && r["dose_number"] == "0")).ToList();

        Assert.Equal(rows.Count, plan.Count);
        foreach (var row in rows)
        {
            var dose = Assert.Single(plan, p => p.Vaccine == row["vaccine_code"] && p.DoseNumber == Int(row["dose_number"]));
            Assert.Equal(birth.AddDays(Int(row["min_age_days"])), dose.EarliestOn);
            var cdsiAbsoluteMinimum = country == "US" && dose is { Vaccine: "VAR", DoseNumber: 2 };
            Assert.Equal(cdsiAbsoluteMinimum ? birth.AddDays(396) : dose.EarliestOn.AddDays(-4), dose.AcceptedFromOn);
            Assert.Equal(birth.AddDays(Int(row["recommended_age_days_start"])), dose.DueOn);
            Assert.Equal(birth.AddDays(Int(row["recommended_age_days_end"])), dose.DueEndOn);
            Assert.Equal(OptionalInt(row["overdue_after_days"]) is { } o ? birth.AddDays(o) : null, dose.OverdueOn);
            Assert.Equal(OptionalInt(row["min_interval_days_from_previous"]), dose.MinIntervalDays);
            Assert.Equal(row["cvx_codes"].Split(';', StringSplitOptions.RemoveEmptyEntries), dose.Cvx);
            Assert.False(string.IsNullOrWhiteSpace(dose.DisplayName));
        }
    }

    [Fact]
    public void Leap_day_birth_counts_days_not_calendar_months()
    {
        var plan = VaccinationPlanner.Plan(new DateOnly(2024, 2, 29), "US");
        var mmr = plan.Single(p => p.Vaccine == "MMR" && p.DoseNumber == 1);

        // 365 days after 29 Feb 2024 is 28 Feb 2025.
        Assert.Equal(new DateOnly(2025, 2, 28), mmr.EarliestOn);
        Assert.Equal(new DateOnly(2025, 2, 28), mmr.DueOn);
        Assert.Equal(new DateOnly(2025, 5, 31), mmr.DueEndOn);
    }

    [Fact]
    public void Plan_is_ordered_by_due_date()
    {
        var plan = VaccinationPlanner.Plan(new DateOnly(2025, 6, 1), "US");

        Assert.Equal(plan.OrderBy(p => p.DueOn).Select(p => p.DueOn), plan.Select(p => p.DueOn));
        Assert.Equal("HepB", plan[0].Vaccine);
    }

    [Fact]
    public void The_WHO_polio_zero_dose_is_not_planned_for_every_baby()
    {
        var plan = VaccinationPlanner.Plan(new DateOnly(2025, 6, 1), "NG");

        Assert.DoesNotContain(plan, p => p.Vaccine == "bOPV" && p.DoseNumber == 0);
        Assert.Contains(plan, p => p.Vaccine == "bOPV" && p.DoseNumber == 1);
    }

    [Theory]
    [InlineData("HepB", 1, Recommendation.SharedDecision)]
    [InlineData("RV", 2, Recommendation.SharedDecision)]
    [InlineData("DTaP", 1, Recommendation.Routine)]
    [InlineData("MMR", 1, Recommendation.Routine)]
    [InlineData("Flu", 1, Recommendation.SharedDecision)]
    [InlineData("COVID19", 1, Recommendation.SharedDecision)]
    [InlineData("HepA", 1, Recommendation.SharedDecision)]
    [InlineData("MenB", 1, Recommendation.SharedDecision)]
    [InlineData("HPV", 1, Recommendation.Routine)]
    [InlineData("HPV", 2, Recommendation.None)]
    [InlineData("RSV-mAb", 1, Recommendation.HighRisk)]
    public void US_doses_carry_the_January_2026_category(string vaccine, int doseNumber, Recommendation expected)
    {
        var dose = VaccinationPlanner.Plan(new DateOnly(2025, 6, 1), "US").Single(p => p.Vaccine == vaccine && p.DoseNumber == doseNumber);

        Assert.Equal(expected, dose.Recommendation);
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("FR")]
    public void UK_and_WHO_doses_are_all_routine(string country)
    {
        Assert.All(VaccinationPlanner.Plan(new DateOnly(2025, 6, 1), country), d => Assert.Equal(Recommendation.Routine, d.Recommendation));
    }

    [Fact]
    public void Rotavirus_maximum_ages_are_calendar_ages_in_the_US()
    {
        var birth = new DateOnly(2025, 1, 10);
        var plan = VaccinationPlanner.Plan(birth, "US");

        // CDSi: dose 1 before 15 weeks (last day 14w6d); later doses up to 8 months 0 days.
        Assert.Equal(birth.AddDays(104), plan.Single(p => p is { Vaccine: "RV", DoseNumber: 1 }).MaxAgeOn);
        Assert.Equal(new DateOnly(2025, 9, 10), plan.Single(p => p is { Vaccine: "RV", DoseNumber: 2 }).MaxAgeOn);
        Assert.Equal(new DateOnly(2025, 9, 10), plan.Single(p => p is { Vaccine: "RV", DoseNumber: 3 }).MaxAgeOn);
        Assert.Equal(new DateOnly(2025, 9, 9), plan.Single(p => p.Vaccine == "RSV-mAb").MaxAgeOn);
        Assert.Equal(new DateOnly(2030, 1, 9), plan.Single(p => p is { Vaccine: "Hib", DoseNumber: 4 }).MaxAgeOn);
        Assert.Null(plan.Single(p => p is { Vaccine: "DTaP", DoseNumber: 1 }).MaxAgeOn);
    }

    [Fact]
    public void Rotavirus_maximum_ages_come_from_the_notes_in_the_UK_and_WHO_schedules()
    {
        var birth = new DateOnly(2025, 1, 10);
        var uk = VaccinationPlanner.Plan(birth, "GB");
        var who = VaccinationPlanner.Plan(birth, "IN");

        Assert.Equal(birth.AddDays(104), uk.Single(p => p is { Vaccine: "RV", DoseNumber: 1 }).MaxAgeOn);
        Assert.Equal(birth.AddDays(167), uk.Single(p => p is { Vaccine: "RV", DoseNumber: 2 }).MaxAgeOn);
        Assert.All(who.Where(p => p.Vaccine == "RV"), p => Assert.Equal(birth.AddDays(730), p.MaxAgeOn));
    }

    [Theory]
    [InlineData("MMR", true)]
    [InlineData("VAR", true)]
    [InlineData("RV", false)]
    [InlineData("Flu", false)]
    [InlineData("DTaP", false)]
    public void Live_flag_follows_the_CDSi_live_virus_table(string vaccine, bool live)
    {
        Assert.All(VaccinationPlanner.Plan(new DateOnly(2025, 6, 1), "US").Where(p => p.Vaccine == vaccine),
            p => Assert.Equal(live, p.Live));
    }

    [Fact]
    public void WHO_live_vaccines_are_BCG_and_measles_and_rubella_containing()
    {
        var live = VaccinationPlanner.Plan(new DateOnly(2025, 6, 1), "KE").Where(p => p.Live).Select(p => p.Vaccine).Distinct();

        Assert.Equal(["BCG", "MCV", "RCV"], live.Order(StringComparer.Ordinal));
    }
}
