namespace UpNest.Growth.Tests.ZScores;

/// <summary>
/// Every indicator's first and last age as the igrowup (2006, whole days 0–1856, arm and skinfolds
/// from 91) and who2007 (2007, exact months 61 to under 229, weight under 121) macros apply them.
/// </summary>
public sealed class AgeLimitsTests
{
    private static GrowthInput Everything(int? ageDays, double? ageMonths = null, MeasurementPosition position = MeasurementPosition.Unknown,
        double lengthCm = 100) => new()
    {
        Sex = Sex.Female, AgeDays = ageDays, AgeMonths = ageMonths, WeightKg = 15, LengthHeightCm = lengthCm, Position = position,
        HeadCircumferenceCm = 49, ArmCircumferenceCm = 16, TricepsSkinfoldMm = 9, SubscapularSkinfoldMm = 7,
    };

    private static GrowthReference? ScoredWith(GrowthInput input, Indicator indicator) =>
        GrowthCalculator.Calculate(input).For(indicator) is { ZScore: not null } r ? r.Reference : null;

    [Theory]
    [InlineData(Indicator.WeightForAge, 0, GrowthReference.Who2006)]
    [InlineData(Indicator.WeightForAge, 1856, GrowthReference.Who2006)]
    [InlineData(Indicator.WeightForAge, 1857, GrowthReference.Who2007)]
    [InlineData(Indicator.LengthHeightForAge, 0, GrowthReference.Who2006)]
    [InlineData(Indicator.LengthHeightForAge, 1856, GrowthReference.Who2006)]
    [InlineData(Indicator.LengthHeightForAge, 1857, GrowthReference.Who2007)]
    [InlineData(Indicator.BmiForAge, 0, GrowthReference.Who2006)]
    [InlineData(Indicator.BmiForAge, 1856, GrowthReference.Who2006)]
    [InlineData(Indicator.BmiForAge, 1857, GrowthReference.Who2007)]
    [InlineData(Indicator.HeadCircumferenceForAge, 0, GrowthReference.Who2006)]
    [InlineData(Indicator.HeadCircumferenceForAge, 1856, GrowthReference.Who2006)]
    [InlineData(Indicator.HeadCircumferenceForAge, 1857, null)]
    [InlineData(Indicator.ArmCircumferenceForAge, 90, null)]
    [InlineData(Indicator.ArmCircumferenceForAge, 91, GrowthReference.Who2006)]
    [InlineData(Indicator.ArmCircumferenceForAge, 1856, GrowthReference.Who2006)]
    [InlineData(Indicator.ArmCircumferenceForAge, 1857, null)]
    [InlineData(Indicator.TricepsSkinfoldForAge, 90, null)]
    [InlineData(Indicator.TricepsSkinfoldForAge, 91, GrowthReference.Who2006)]
    [InlineData(Indicator.TricepsSkinfoldForAge, 1857, null)]
    [InlineData(Indicator.SubscapularSkinfoldForAge, 90, null)]
    [InlineData(Indicator.SubscapularSkinfoldForAge, 91, GrowthReference.Who2006)]
    [InlineData(Indicator.SubscapularSkinfoldForAge, 1857, null)]
    // who2007 by days / 30.4375: weight below 121 months (3683 days = 121.0 months), height and BMI below 229.
    [InlineData(Indicator.WeightForAge, 3682, GrowthReference.Who2007)]
    [InlineData(Indicator.WeightForAge, 3683, null)]
    [InlineData(Indicator.LengthHeightForAge, 6970, GrowthReference.Who2007)]
    [InlineData(Indicator.LengthHeightForAge, 6971, null)]
    [InlineData(Indicator.BmiForAge, 6970, GrowthReference.Who2007)]
    [InlineData(Indicator.BmiForAge, 6971, null)]
    public void Each_age_based_indicator_starts_and_ends_where_the_WHO_macros_do(Indicator indicator, int ageDays, GrowthReference? expected)
    {
        Assert.Equal(expected, ScoredWith(Everything(ageDays, lengthCm: ageDays > 3000 ? 160 : 100), indicator));
    }

    [Theory]
    // Exact months (surveys): 61 to under 121 / 229. 60.995 months is day 1857 (past the 2006 standards)
    // but under 61 months: neither macro scores it.
    [InlineData(Indicator.LengthHeightForAge, 60.995, null)]
    [InlineData(Indicator.LengthHeightForAge, 61.0, GrowthReference.Who2007)]
    [InlineData(Indicator.LengthHeightForAge, 228.6, GrowthReference.Who2007)]
    [InlineData(Indicator.LengthHeightForAge, 228.99, GrowthReference.Who2007)]
    [InlineData(Indicator.LengthHeightForAge, 229.0, null)]
    [InlineData(Indicator.BmiForAge, 228.99, GrowthReference.Who2007)]
    [InlineData(Indicator.BmiForAge, 229.0, null)]
    [InlineData(Indicator.WeightForAge, 120.99, GrowthReference.Who2007)]
    [InlineData(Indicator.WeightForAge, 121.0, null)]
    public void The_2007_reference_uses_exact_months_below_229(Indicator indicator, double months, GrowthReference? expected)
    {
        Assert.Equal(expected, ScoredWith(Everything(null, months, lengthCm: 160), indicator));
    }

    [Fact]
    public void A_girl_measured_at_19_years_and_17_days_gets_height_and_BMI_for_age()
    {
        var days = GrowthAge.FromDates(new DateOnly(2007, 5, 15), new DateOnly(2026, 6, 1));
        Assert.Equal(228.6, GrowthAge.ToMonths(days), 1);

        var input = Everything(days, lengthCm: 163);
        Assert.Equal(GrowthReference.Who2007, ScoredWith(input, Indicator.LengthHeightForAge));
        Assert.Equal(GrowthReference.Who2007, ScoredWith(input, Indicator.BmiForAge));
        Assert.Null(ScoredWith(input, Indicator.WeightForAge));
    }

    [Theory]
    // By age: weight-for-length under 731 days, weight-for-height from 731 to 1856, none after.
    [InlineData(730, 80.0, Indicator.WeightForLength)]
    [InlineData(731, 80.0, Indicator.WeightForHeight)]
    [InlineData(1856, 110.0, Indicator.WeightForHeight)]
    [InlineData(1857, 110.0, null)]
    // The tables' lengths: 45–110 cm lying, 65–120 cm standing, 0.1 cm steps, interpolated inside.
    [InlineData(100, 45.0, Indicator.WeightForLength)]
    [InlineData(100, 44.9, null)]
    [InlineData(700, 110.0, Indicator.WeightForLength)]
    [InlineData(700, 110.04, null)]
    [InlineData(800, 65.0, Indicator.WeightForHeight)]
    [InlineData(800, 64.99, null)]
    [InlineData(1500, 120.0, Indicator.WeightForHeight)]
    [InlineData(1500, 120.01, null)]
    public void Weight_for_length_and_height_follow_age_and_the_table_ranges(int ageDays, double lengthCm, Indicator? expected)
    {
        // Position matching the age so no 0.7 cm adjustment moves the length.
        var position = ageDays < 731 ? MeasurementPosition.Recumbent : MeasurementPosition.Standing;
        var input = Everything(ageDays, position: position, lengthCm: lengthCm) with { WeightKg = lengthCm < 90 ? 10 : 17 };

        var computed = GrowthCalculator.Calculate(input).Results
            .Where(r => r.Indicator is Indicator.WeightForLength or Indicator.WeightForHeight && r.ZScore is not null)
            .Select(r => (Indicator?)r.Indicator).SingleOrDefault();
        Assert.Equal(expected, computed);
    }
}
