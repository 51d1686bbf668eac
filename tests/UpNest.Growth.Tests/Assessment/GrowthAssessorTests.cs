using UpNest.Growth.Assessment;
using UpNest.Growth.Tests.Support;

namespace UpNest.Growth.Tests.Assessment;

public sealed class GrowthAssessorTests
{
    private static readonly DateOnly Birth = new(2025, 1, 10);
    private static readonly BabyProfile Girl = new(Sex.Female, Birth);

    /// <summary>A visit at <paramref name="ageDays"/> with weight, length and head at the given z-scores.</summary>
    private static GrowthMeasurement Visit(int ageDays, double weightZ = 0, double lengthZ = 0, double headZ = 0, BabyProfile? baby = null)
    {
        var sex = (baby ?? Girl).Sex;
        return new GrowthMeasurement(Birth.AddDays(ageDays))
        {
            WeightKg = Measure.At(Indicator.WeightForAge, sex, ageDays, weightZ),
            LengthHeightCm = Measure.At(Indicator.LengthHeightForAge, sex, ageDays, lengthZ),
            Position = MeasurementPosition.Recumbent,
            HeadCircumferenceCm = Measure.At(Indicator.HeadCircumferenceForAge, sex, ageDays, headZ),
        };
    }

    [Fact]
    public void A_baby_growing_along_the_median_has_latest_results_and_no_alerts()
    {
        var assessment = GrowthAssessor.Assess(Girl, [Visit(30), Visit(61), Visit(92), Visit(183)]);

        Assert.Equal(
            [Indicator.WeightForAge, Indicator.LengthHeightForAge, Indicator.WeightForLength, Indicator.BmiForAge, Indicator.HeadCircumferenceForAge],
            assessment.Latest.Select(p => p.Indicator));
        Assert.All(assessment.Latest, p => Assert.Equal(Birth.AddDays(183), p.MeasuredOn));
        Assert.Equal(0, assessment.Latest.Single(p => p.Indicator == Indicator.WeightForAge).Result.ZScore!.Value, 1);
        Assert.Empty(assessment.Classifications);
        Assert.Empty(assessment.Alerts);
        Assert.Equal(3, assessment.Trends.Count(t => t.Indicator == Indicator.WeightForAge));
        Assert.Equal(4, assessment.PointsFor(Indicator.HeadCircumferenceForAge).Count);
    }

    [Theory]
    [InlineData(-2.5, ClassificationKind.Microcephaly, AlertSeverity.Warning)]
    [InlineData(-3.5, ClassificationKind.SevereMicrocephaly, AlertSeverity.Urgent)]
    [InlineData(2.5, ClassificationKind.Macrocephaly, AlertSeverity.Warning)]
    public void Head_size_beyond_two_SD_is_classified_and_alerted(double headZ, ClassificationKind kind, AlertSeverity severity)
    {
        var assessment = GrowthAssessor.Assess(Girl, [Visit(200, headZ: headZ)]);

        var classification = Assert.Single(assessment.Classifications);
        Assert.Equal(kind, classification.Kind);
        var alert = Assert.Single(assessment.Alerts);
        Assert.Equal(severity, alert.Severity);
        Assert.Equal(kind, alert.Classification);
    }

    [Fact]
    public void Low_weight_and_length_give_underweight_and_stunting()
    {
        var assessment = GrowthAssessor.Assess(Girl, [Visit(300, weightZ: -2.6, lengthZ: -3.3)]);

        var kinds = assessment.Classifications.Select(c => c.Kind).ToList();
        Assert.Contains(ClassificationKind.Underweight, kinds);
        Assert.Contains(ClassificationKind.SevereStunting, kinds);
        Assert.DoesNotContain(assessment.Alerts, a => a.Kind == AlertKind.BelowThirdPercentile && a.Indicator == Indicator.WeightForAge);
    }

    [Fact]
    public void Low_weight_for_length_is_wasting_and_very_high_is_obesity()
    {
        var thin = new GrowthMeasurement(Birth.AddDays(300)) { LengthHeightCm = 70, WeightKg = Measure.WeightForLength(Sex.Female, 70, -3.4) };
        var heavy = new GrowthMeasurement(Birth.AddDays(300)) { LengthHeightCm = 70, WeightKg = Measure.WeightForLength(Sex.Female, 70, 3.4) };

        Assert.Contains(GrowthAssessor.Assess(Girl, [thin]).Classifications, c => c.Kind == ClassificationKind.SevereWasting);
        Assert.Contains(GrowthAssessor.Assess(Girl, [heavy]).Classifications, c => c.Kind == ClassificationKind.Obesity);
    }

    [Fact]
    public void Falling_across_two_centile_lines_raises_a_crossing_and_a_faltering_alert()
    {
        var assessment = GrowthAssessor.Assess(Girl, [Visit(30, weightZ: 0.5), Visit(90, weightZ: -0.4), Visit(150, weightZ: -1.5)]);

        var trend = assessment.Trends.Last(t => t.Indicator == Indicator.WeightForAge);
        Assert.True(trend.ChangeZ < -1);
        Assert.Contains(assessment.Alerts, a => a is { Kind: AlertKind.CentileLinesCrossedDown, Indicator: Indicator.WeightForAge, Severity: AlertSeverity.Warning });
        Assert.Contains(assessment.Alerts, a => a.Kind == AlertKind.WeightFaltering);
    }

    [Fact]
    public void Crossing_counts_each_major_line_with_its_direction()
    {
        Assert.Equal(-2, GrowthAssessor.MajorLinesCrossed(0.5, -1.5));
        Assert.Equal(5, GrowthAssessor.MajorLinesCrossed(-2.5, 2.5));
        Assert.Equal(0, GrowthAssessor.MajorLinesCrossed(0.1, 0.9));
    }

    [Fact]
    public void Weight_velocity_is_in_grams_per_day_and_per_kg_per_day()
    {
        var a = new GrowthMeasurement(Birth.AddDays(20)) { WeightKg = 3.6 };
        var b = new GrowthMeasurement(Birth.AddDays(30)) { WeightKg = 3.9 };

        var v = Assert.Single(GrowthAssessor.Assess(Girl, [b, a]).WeightVelocities);

        Assert.Equal(10, v.Days);
        Assert.Equal(1000 * 0.3 / 10, v.GramsPerDay, 6);
        Assert.Equal(1000 * 0.3 / 10 / 3.75, v.GramsPerKgPerDay, 1);
    }

    [Fact]
    public void Losing_weight_after_the_early_days_raises_a_weight_loss_alert()
    {
        var assessment = GrowthAssessor.Assess(Girl, [
            new GrowthMeasurement(Birth.AddDays(40)) { WeightKg = 4.5 },
            new GrowthMeasurement(Birth.AddDays(50)) { WeightKg = 4.4 }]);

        Assert.Contains(assessment.Alerts, a => a is { Kind: AlertKind.WeightLoss, Code: "weight-loss-between-weighings" });
    }

    [Fact]
    public void Preterm_points_carry_both_ages_and_use_the_corrected_one()
    {
        var preterm = Girl with { GestationalAgeWeeks = 33 };

        var point = GrowthAssessor.Assess(preterm, [new GrowthMeasurement(Birth.AddDays(100)) { WeightKg = 4.8 }]).Latest.Single();

        Assert.Equal(100, point.AgeDays);
        Assert.Equal(51, point.CorrectedAgeDays);
        Assert.Equal(AgeBasis.Corrected, point.AgeUsed);
        Assert.Equal(51, point.X);
    }

    [Fact]
    public void An_implausible_value_asks_for_a_check_and_is_not_classified()
    {
        var assessment = GrowthAssessor.Assess(Girl, [new GrowthMeasurement(Birth.AddDays(100)) { WeightKg = 25 }]);

        Assert.Empty(assessment.Classifications);
        var alert = Assert.Single(assessment.Alerts);
        Assert.Equal(AlertKind.ImplausibleMeasurement, alert.Kind);
    }

    [Fact]
    public void Alert_messages_suggest_the_paediatrician_and_never_name_a_condition()
    {
        string[] diagnoses = ["microcephaly", "macrocephaly", "stunt", "wasting", "underweight", "obes", "malnutrition", "disease", "faltering"];
        var assessment = GrowthAssessor.Assess(Girl, [Visit(30, weightZ: 1), Visit(120, weightZ: -2.5, lengthZ: -3.5, headZ: -3.5), Visit(200, weightZ: -3.5, lengthZ: -3.5, headZ: 3.5)]);

        Assert.NotEmpty(assessment.Alerts);
        Assert.All(assessment.Alerts, a =>
        {
            Assert.Contains("paediatrician", a.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(diagnoses, d => a.Message.Contains(d, StringComparison.OrdinalIgnoreCase));
        });
        Assert.Equal(AlertSeverity.Urgent, assessment.Alerts[0].Severity);
    }
}
