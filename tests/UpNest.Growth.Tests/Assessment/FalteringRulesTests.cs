using UpNest.Growth.Assessment;
using UpNest.Growth.Tests.Support;

namespace UpNest.Growth.Tests.Assessment;

/// <summary>NICE NG75's weight rules at and around their thresholds (docs/CLINICAL-RULES.md).</summary>
public sealed class FalteringRulesTests
{
    private static readonly DateOnly Birth = new(2025, 1, 10);
    private static readonly BabyProfile Girl = new(Sex.Female, Birth);

    private static GrowthMeasurement Weighed(int day, double kg) => new(Birth.AddDays(day)) { WeightKg = kg };

    private static GrowthMeasurement WeighedAtZ(int day, double z) => Weighed(day, Measure.At(Indicator.WeightForAge, Sex.Female, day, z));

    private static GrowthAlert[] Alerts(BabyProfile baby, params GrowthMeasurement[] visits) => [.. GrowthAssessor.Assess(baby, visits).Alerts];

    private static double Evidence(GrowthAlert alert, string name) => alert.Evidence.Single(e => e.Name == name).Value;

    [Fact]
    public void The_issue_example_a_preterm_girl_falling_two_spaces_over_four_visits_raises_the_NG75_alert()
    {
        var baby = new BabyProfile(Sex.Female, new DateOnly(2026, 5, 1), GestationalAgeWeeks: 34);
        double[] kg = [2.1, 3.0, 4.1, 5.0, 5.6, 6.0, 6.2];
        var visits = kg.Select((w, i) => new GrowthMeasurement(new DateOnly(2026, 5 + i, 1)) { WeightKg = w }).ToArray();

        var assessment = GrowthAssessor.Assess(baby, visits);

        // The issue's numbers: +0.62 at corrected age (73rd centile) down to −0.69 (24th); no single step crosses two lines.
        var weights = assessment.PointsFor(Indicator.WeightForAge);
        Assert.Equal(0.62, weights[0].Result.ZScore);
        Assert.Equal(-0.69, weights[^1].Result.ZScore);
        Assert.All(assessment.Trends, t => Assert.True(Math.Abs(t.MajorLinesCrossed) < 2));
        var alert = Assert.Single(assessment.Alerts, a => a.Code == "ng75-weight-centile-fall");
        Assert.Equal(AlertKind.WeightFaltering, alert.Kind);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.StartsWith("NICE NG75", alert.Source, StringComparison.Ordinal);
        Assert.Equal(5, Evidence(alert, "referenceSpace"));
        Assert.Equal(3, Evidence(alert, "latestSpace"));
        Assert.Equal(2, Evidence(alert, "spacesFallen"));
        Assert.Equal(2, Evidence(alert, "thresholdSpaces"));
        // No WHO centile before term: the first one at corrected age stands in for the birth centile.
        Assert.Equal(weights[0].X, Evidence(alert, "birthCentileAgeDays"));
        Assert.Contains("health visitor or paediatrician", alert.Message, StringComparison.Ordinal);
        Assert.Contains("50th–75th", alert.Message, StringComparison.Ordinal);
        Assert.Contains("9th–25th", alert.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Birth centile 9th–91st (z 0.2): 2 spaces raise concern, 1 does not.
    [InlineData(0.2, -0.5, false)]
    [InlineData(0.2, -0.7, true)]
    // Below the 9th (z −1.5): 1 space is enough.
    [InlineData(-1.5, -1.9, false)]
    [InlineData(-1.5, -2.05, true)]
    // Above the 91st (z 1.5): 3 spaces needed.
    [InlineData(1.5, 0.05, false)]
    [InlineData(1.5, -0.1, true)]
    public void A_fall_counts_centile_spaces_from_the_birth_centile_with_the_threshold_of_its_band(double birthZ, double latestZ, bool alerted)
    {
        var alerts = Alerts(Girl, WeighedAtZ(0, birthZ), WeighedAtZ(60, (birthZ + latestZ) / 2), WeighedAtZ(120, latestZ));

        Assert.Equal(alerted, alerts.Any(a => a.Code == "ng75-weight-centile-fall"));
    }

    [Theory]
    // Exactly on the 9th line (z −4/3 rounds to −1.33): the middle band, 2 spaces needed.
    [InlineData(-1.33, 2)]
    [InlineData(-1.34, 1)]
    [InlineData(1.33, 2)]
    [InlineData(1.34, 3)]
    public void The_birth_band_edges_are_the_9th_and_91st_lines(double birthZ, int spaces)
    {
        Assert.Equal(spaces, ClinicalRules.ThresholdFor(birthZ).SpacesOfFall);
    }

    [Fact]
    public void The_fall_is_counted_from_the_highest_centile_reached_after_the_first_weeks()
    {
        // Born on the 25th–50th, climbed to the 75th–91st at 2 months, now back on the 25th–50th: 2 spaces down.
        var alerts = Alerts(Girl, WeighedAtZ(0, -0.3), WeighedAtZ(60, 0.9), WeighedAtZ(150, -0.3));
        var alert = Assert.Single(alerts, a => a.Code == "ng75-weight-centile-fall");
        Assert.Equal(6, Evidence(alert, "referenceSpace"));

        // A high value in the first 2 weeks (before the usual post-birth dip settles) does not count.
        Assert.DoesNotContain(Alerts(Girl, WeighedAtZ(0, -0.3), WeighedAtZ(10, 0.9), WeighedAtZ(150, -0.3)), a => a.Code == "ng75-weight-centile-fall");
    }

    [Fact]
    public void The_recorded_birth_weight_sets_the_birth_centile_when_no_weighing_on_the_birth_date_exists()
    {
        // Born below the 9th centile, one space of fall is enough; without a birth weight the first
        // weighing (9th–25th) stands in and two spaces would be needed.
        var baby = Girl with { BirthWeightKg = Measure.At(Indicator.WeightForAge, Sex.Female, 0, -1.5) };

        var alert = Assert.Single(Alerts(baby, WeighedAtZ(60, -1.0), WeighedAtZ(120, -1.5)), a => a.Code == "ng75-weight-centile-fall");
        Assert.Equal(1, Evidence(alert, "thresholdSpaces"));
        Assert.DoesNotContain(Alerts(Girl, WeighedAtZ(60, -1.0), WeighedAtZ(120, -1.5)), a => a.Code == "ng75-weight-centile-fall");
    }

    [Theory]
    [InlineData(-1.99, false)]
    [InlineData(-2.01, true)]
    public void Weight_below_the_2nd_centile_is_a_concern_whatever_the_birth_weight(double z, bool alerted)
    {
        var alerts = Alerts(Girl, WeighedAtZ(0, -1.8), WeighedAtZ(90, z));

        Assert.Equal(alerted, alerts.Any(a => a.Code == "ng75-weight-below-2nd-centile"));
        // The WHO percentile alert would say the same thing again.
        if (alerted) Assert.DoesNotContain(alerts, a => a.Kind == AlertKind.BelowThirdPercentile && a.Indicator == Indicator.WeightForAge);
    }

    [Theory]
    [InlineData(3.15, false)] // exactly 10 %
    [InlineData(3.14, true)]
    public void Losing_more_than_a_tenth_of_birth_weight_in_the_early_days_is_urgent(double dayFourKg, bool alerted)
    {
        var alerts = Alerts(Girl, Weighed(0, 3.5), Weighed(4, dayFourKg));

        var alert = alerts.SingleOrDefault(a => a.Code == "ng75-early-weight-loss");
        Assert.Equal(alerted, alert is not null);
        if (alert is null) return;
        Assert.Equal(AlertSeverity.Urgent, alert.Severity);
        Assert.Equal(10.3, Evidence(alert, "lossPercent"));
        Assert.Equal(3.5, Evidence(alert, "birthWeightKg"));
    }

    [Fact]
    public void The_early_loss_stays_until_birth_weight_is_regained()
    {
        Assert.Contains(Alerts(Girl, Weighed(0, 3.5), Weighed(4, 3.1), Weighed(10, 3.3)), a => a.Code == "ng75-early-weight-loss");
        Assert.DoesNotContain(Alerts(Girl, Weighed(0, 3.5), Weighed(4, 3.1), Weighed(14, 3.5)), a => a.Code == "ng75-early-weight-loss");
    }

    [Theory]
    [InlineData(20, 3.4, false)] // before 3 weeks
    [InlineData(21, 3.4, true)]
    [InlineData(21, 3.5, false)] // regained exactly
    [InlineData(30, 3.45, true)]
    public void Birth_weight_not_regained_by_3_weeks(int day, double kg, bool alerted)
    {
        var alerts = Alerts(Girl, Weighed(0, 3.5), Weighed(5, 3.3), Weighed(day, kg));

        Assert.Equal(alerted, alerts.Any(a => a.Code == "ng75-birth-weight-not-regained"));
    }

    [Fact]
    public void Preterm_babies_are_judged_on_days_of_life_for_early_loss_and_at_corrected_age_for_centiles()
    {
        var preterm = Girl with { GestationalAgeWeeks = 32 };

        // Day 21 of life is 35 weeks' gestation: the early rules still apply on days of life.
        Assert.Contains(Alerts(preterm, Weighed(0, 1.8), Weighed(21, 1.75)), a => a.Code == "ng75-birth-weight-not-regained");
        // A fall counted on corrected-age z-scores (56 days of prematurity).
        var alerts = Alerts(preterm, Weighed(0, 1.8),
            Weighed(70, Measure.At(Indicator.WeightForAge, Sex.Female, 14, 0.2)),
            Weighed(176, Measure.At(Indicator.WeightForAge, Sex.Female, 120, -0.75)));
        var alert = Assert.Single(alerts, a => a.Code == "ng75-weight-centile-fall");
        Assert.Equal(14, Evidence(alert, "birthCentileAgeDays"));
    }

    [Fact]
    public void A_baby_growing_along_the_median_raises_no_NG75_alert()
    {
        Assert.Empty(Alerts(Girl, Weighed(0, 3.3), Weighed(4, 3.1), WeighedAtZ(21, 0), WeighedAtZ(60, -0.1), WeighedAtZ(150, 0.2)));
    }

    [Fact]
    public void Every_rule_has_a_stable_code_and_a_source()
    {
        Assert.Equal(ClinicalRules.All.Count, ClinicalRules.All.Select(r => r.Code).Distinct().Count());
        Assert.All(ClinicalRules.All, r => Assert.StartsWith("NICE NG75", r.Source, StringComparison.Ordinal));
    }
}
