using UpNest.Growth.Tests.Support;
using UpNest.Growth.ZScores;

namespace UpNest.Growth.Tests.ZScores;

public sealed class GrowthCalculatorTests
{
    [Fact]
    public void Every_indicator_round_trips_through_its_api_name()
    {
        foreach (var indicator in IndicatorNames.All)
        {
            Assert.True(IndicatorNames.TryParse(indicator.ToApiName().ToUpperInvariant(), out var parsed));
            Assert.Equal(indicator, parsed);
        }
        Assert.False(IndicatorNames.TryParse("height-for-weight", out _));
        Assert.False(IndicatorNames.TryParse(null, out _));
    }

    [Fact]
    public void Decimal_months_become_days_by_rounding_half_up()
    {
        Assert.Equal(731, GrowthAge.FromMonths(24));      // 730.5
        Assert.Equal(234, GrowthAge.FromMonths(7.7));     // 234.37
        Assert.Equal(182, GrowthAge.FromDates(new DateOnly(2024, 1, 1), new DateOnly(2024, 7, 1)));
    }

    [Fact]
    public void Preterm_baby_is_scored_at_corrected_age_and_both_ages_are_reported()
    {
        var input = new GrowthInput { Sex = Sex.Female, AgeDays = 120, WeightKg = 5.1, LengthHeightCm = 58, GestationalAgeWeeks = 32, GestationalAgeDays = 3 };

        var result = GrowthCalculator.Calculate(input);
        var asIfTerm = GrowthCalculator.Calculate(input with { AgeDays = 120 - (280 - 227), GestationalAgeWeeks = null, GestationalAgeDays = null });

        Assert.Equal(AgeBasis.Corrected, result.AgeUsed);
        Assert.Equal(120, result.AgeDays);
        Assert.Equal(67, result.CorrectedAgeDays);
        Assert.Equal(asIfTerm.Results, result.Results);
    }

    [Fact]
    public void Correction_stops_at_24_months_and_does_not_apply_from_37_weeks()
    {
        var older = GrowthCalculator.Calculate(new GrowthInput { Sex = Sex.Male, AgeDays = 731, WeightKg = 11, GestationalAgeWeeks = 30 });
        var term = GrowthCalculator.Calculate(new GrowthInput { Sex = Sex.Male, AgeDays = 100, WeightKg = 6, GestationalAgeWeeks = 37 });

        Assert.Equal(AgeBasis.Chronological, older.AgeUsed);
        Assert.Null(older.CorrectedAgeDays);
        Assert.Equal(AgeBasis.Chronological, term.AgeUsed);
    }

    [Fact]
    public void Before_term_equivalent_age_there_is_no_age_based_z_score_and_the_reason_is_given()
    {
        var result = GrowthCalculator.Calculate(new GrowthInput { Sex = Sex.Male, AgeDays = 10, WeightKg = 1.6, GestationalAgeWeeks = 30 });

        var weight = Assert.Single(result.Results);
        Assert.Null(weight.ZScore);
        Assert.Contains("before term", weight.Flag, StringComparison.Ordinal);
    }

    [Fact]
    public void Oedema_suppresses_weight_based_z_scores_only()
    {
        var result = GrowthCalculator.Calculate(new GrowthInput { Sex = Sex.Female, AgeDays = 400, WeightKg = 8, LengthHeightCm = 74, Oedema = true });

        Assert.All(result.Results.Where(r => r.Indicator != Indicator.LengthHeightForAge), r =>
        {
            Assert.Null(r.ZScore);
            Assert.Equal("not computed: oedema", r.Flag);
        });
        Assert.NotNull(result.For(Indicator.LengthHeightForAge)?.ZScore);
    }

    [Fact]
    public void Standing_height_before_two_years_counts_as_length_plus_point_seven()
    {
        var standing = GrowthCalculator.Calculate(new GrowthInput { Sex = Sex.Male, AgeDays = 500, LengthHeightCm = 76.0, WeightKg = 10, Position = MeasurementPosition.Standing });
        var lying = GrowthCalculator.Calculate(new GrowthInput { Sex = Sex.Male, AgeDays = 500, LengthHeightCm = 76.7, WeightKg = 10, Position = MeasurementPosition.Recumbent });

        Assert.Equal(lying.Results, standing.Results);
        Assert.Equal(Indicator.WeightForLength, standing.Results.Single(r => r.Indicator is Indicator.WeightForLength or Indicator.WeightForHeight).Indicator);
    }

    [Theory]
    [InlineData(Indicator.WeightForAge, 4.2)]
    [InlineData(Indicator.WeightForAge, -3.7)]
    [InlineData(Indicator.TricepsSkinfoldForAge, 3.4)]
    [InlineData(Indicator.LengthHeightForAge, -4.5)]
    public void A_value_drawn_at_z_reads_back_as_z_also_beyond_three_SD(Indicator indicator, double z)
    {
        var value = Measure.At(indicator, Sex.Female, 800, z);

        var back = GrowthCalculator.ZScoreOrNaN(indicator, Sex.Female, 800, value);

        Assert.Equal(z, back, 2);
    }

    [Fact]
    public void Percentile_is_the_normal_cdf_of_z_and_flags_use_the_WHO_limits()
    {
        var median = GrowthCalculator.ToResult(Indicator.WeightForAge, GrowthReference.Who2006, 0);
        var high = GrowthCalculator.ToResult(Indicator.WeightForAge, GrowthReference.Who2006, 5.004);
        var tooHigh = GrowthCalculator.ToResult(Indicator.WeightForAge, GrowthReference.Who2006, 5.005);
        var tooLow = GrowthCalculator.ToResult(Indicator.LengthHeightForAge, GrowthReference.Who2006, -6.01);

        Assert.Equal(50.0, median.Percentile);
        Assert.Equal(97.5, Math.Round(100 * NormalDistribution.Cdf(1.959964), 1));
        Assert.Equal(2.5, Math.Round(100 * NormalDistribution.Cdf(-1.959964), 1));
        Assert.Null(high.Flag);
        Assert.Equal(5.01, tooHigh.ZScore);
        Assert.Equal("implausible: above +5 SD", tooHigh.Flag);
        Assert.Equal("implausible: below -6 SD", tooLow.Flag);
    }

    [Fact]
    public void Rounding_is_half_away_from_zero_like_the_WHO_macros()
    {
        Assert.Equal(-0.13, WhoRounding.Round2(-0.125));
        Assert.Equal(0.13, WhoRounding.Round2(0.125));
        Assert.Equal(0, WhoRounding.Round2(-0.004));
        Assert.False(double.IsNegative(WhoRounding.Round2(-0.004)));
    }

    [Fact]
    public void Without_age_weight_for_length_is_chosen_by_position_then_by_87_cm()
    {
        Assert.Equal(Indicator.WeightForLength, GrowthCalculator.ChooseWeightForLengthOrHeight(null, MeasurementPosition.Recumbent, 95));
        Assert.Equal(Indicator.WeightForHeight, GrowthCalculator.ChooseWeightForLengthOrHeight(null, MeasurementPosition.Standing, 70));
        Assert.Equal(Indicator.WeightForLength, GrowthCalculator.ChooseWeightForLengthOrHeight(null, MeasurementPosition.Unknown, 86.9));
        Assert.Equal(Indicator.WeightForHeight, GrowthCalculator.ChooseWeightForLengthOrHeight(null, MeasurementPosition.Unknown, 87));
        Assert.Null(GrowthCalculator.ChooseWeightForLengthOrHeight(1857, MeasurementPosition.Standing, 110));
    }

    [Fact]
    public void The_primitives_agree_with_the_full_calculation()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var age = random.Next(0, 6900);
            var weight = 2 + random.NextDouble() * 60;
            var result = GrowthCalculator.Calculate(new GrowthInput { Sex = sex, AgeDays = age, WeightKg = weight });
            var z = GrowthCalculator.ZScoreOrNaN(Indicator.WeightForAge, sex, age, weight);
            Assert.Equal(double.IsNaN(z) ? null : WhoRounding.Round2(z), result.For(Indicator.WeightForAge)?.ZScore);
        }
    }
}
