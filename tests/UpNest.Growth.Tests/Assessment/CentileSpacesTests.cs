using UpNest.Growth.Assessment;
using UpNest.Growth.Tests.Support;
using UpNest.Growth.ZScores;

namespace UpNest.Growth.Tests.Assessment;

public sealed class CentileSpacesTests
{
    private static readonly DateOnly Birth = new(2025, 1, 10);

    [Fact]
    public void The_nine_lines_are_two_thirds_of_an_SD_apart_and_carry_their_rounded_centiles()
    {
        int[] centileTenths = [4, 20, 90, 250, 500, 750, 910, 980, 996];
        for (var line = 0; line < 9; line++)
        {
            var centile = 100 * NormalDistribution.Cdf(NineLineChart.LineZ(line));
            // 0.38 → 0.4th, 2.28 → 2nd, 9.12 → 9th, 25.2 → 25th … 99.62 → 99.6th.
            Assert.True(Math.Abs(centile * 10 - centileTenths[line]) < (line is 1 or 7 ? 3 : 2.5), $"line {line}: {centile}");
        }
    }

    [Theory]
    [InlineData(-3.0, 0, "below 0.4th")]
    [InlineData(-2.0, 2, "2nd–9th")]      // on the 2nd line: the space above
    [InlineData(-2.01, 1, "0.4th–2nd")]
    [InlineData(-0.69, 3, "9th–25th")]
    [InlineData(0.0, 5, "50th–75th")]
    [InlineData(0.62, 5, "50th–75th")]
    [InlineData(0.67, 6, "75th–91st")]    // 0.67 rounds the 2/3 line up
    [InlineData(2.7, 9, "above 99.6th")]
    public void A_z_score_falls_in_one_space(double z, int space, string label)
    {
        Assert.Equal(space, NineLineChart.SpaceOf(z));
        Assert.Equal(label, NineLineChart.Label(space));
    }

    [Fact]
    public void The_summary_gives_each_indicator_its_space_and_the_spaces_moved_since_the_first_and_the_highest_value()
    {
        var girl = new BabyProfile(Sex.Female, Birth);
        GrowthMeasurement Visit(int day, double weightZ, double headZ) => new(Birth.AddDays(day))
        {
            WeightKg = Measure.At(Indicator.WeightForAge, Sex.Female, day, weightZ),
            HeadCircumferenceCm = Measure.At(Indicator.HeadCircumferenceForAge, Sex.Female, day, headZ),
        };

        var spaces = GrowthAssessor.Assess(girl, [Visit(0, 0.1, -0.3), Visit(60, 1.0, 0.2), Visit(120, -0.3, 0.8)]).CentileSpaces;

        var weight = spaces.Single(s => s.Indicator == Indicator.WeightForAge);
        Assert.Equal((4, "25th–50th"), (weight.Space, weight.Label));
        Assert.Equal(-1, weight.SpacesSinceBirth);     // 50th–75th at birth
        Assert.Equal(Birth.AddDays(60), weight.HighestOn);
        Assert.Equal(6, weight.HighestSpace);
        Assert.Equal(-2, weight.SpacesSinceHighest);
        var head = spaces.Single(s => s.Indicator == Indicator.HeadCircumferenceForAge);
        Assert.Equal(2, head.SpacesSinceBirth);          // 25th–50th to 75th–91st
        Assert.Equal(0, head.SpacesSinceHighest);
        Assert.Equal(Birth, head.SinceBirthFrom);
    }
}
