using System.Xml.Linq;
using UpNest.Growth.Assessment;
using UpNest.Growth.Charts;
using UpNest.Growth.Tests.Support;

namespace UpNest.Growth.Tests.Charts;

public sealed class SvgChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartData BoyWeightForAge(int? gestationalWeeks = null)
    {
        var baby = new BabyProfile(Sex.Male, new DateOnly(2024, 3, 1), gestationalWeeks);
        int[] ages = [3, 35, 64, 125, 190, 280, 400, 540, 700];
        var visits = ages.Select((a, i) => new GrowthMeasurement(baby.BirthDate.AddDays(a))
        {
            WeightKg = Measure.At(Indicator.WeightForAge, Sex.Male, a, -0.3 * i / 4),
        });
        var assessment = GrowthAssessor.Assess(baby, visits);
        return GrowthCharts.Build(Indicator.WeightForAge, Sex.Male, ChartRange.Months(0, 24),
            GrowthCharts.PointsFrom(assessment.Points, Indicator.WeightForAge));
    }

    [Fact]
    public void Chart_is_well_formed_svg_with_curve_labels_axis_units_and_the_babys_points()
    {
        var data = BoyWeightForAge();

        var svg = SvgChartRenderer.Render(data);

        var doc = XDocument.Parse(svg);
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["P3", "P15", "P50", "P85", "P97"], texts.Where(t => t.StartsWith('P') && t.Length <= 3).OrderBy(t => int.Parse(t[1..])));
        Assert.Contains("Weight (kg)", texts);
        Assert.Contains(texts, t => t.StartsWith("Age (completed months", StringComparison.Ordinal));
        var points = doc.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "point").ToList();
        Assert.Equal(data.Points.Count, points.Count);
        Assert.Equal(9, points.Count);
        Assert.All(points, p => Assert.Contains("percentile", p.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Note:", StringComparison.Ordinal));
    }

    [Fact]
    public void Z_score_style_labels_the_lines_minus_three_to_plus_three()
    {
        var svg = SvgChartRenderer.Render(BoyWeightForAge(), new SvgChartOptions(ChartStyle.ZScores));

        var texts = XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "-3", "-2", "-1", "0", "+1", "+2", "+3" }, texts);
    }

    [Fact]
    public void Preterm_chart_says_corrected_age_is_used()
    {
        var data = BoyWeightForAge(gestationalWeeks: 33);

        var svg = SvgChartRenderer.Render(data);

        Assert.True(data.UsesCorrectedAge);
        Assert.Contains(XDocument.Parse(svg).Descendants(Svg + "text"), t => t.Value.Contains("corrected age", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_is_escaped()
    {
        var svg = SvgChartRenderer.Render(BoyWeightForAge(), new SvgChartOptions(Title: "Tom & \"Jerry\" <script>alert(1)</script>"));

        var doc = XDocument.Parse(svg);
        Assert.Empty(doc.Descendants("script"));
        Assert.Empty(doc.Descendants(Svg + "script"));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "Tom & \"Jerry\" <script>alert(1)</script>");
    }

    [Theory]
    [InlineData(Indicator.WeightForLength, 45, 110)]
    [InlineData(Indicator.LengthHeightForAge, 0, 6900)]
    [InlineData(Indicator.BmiForAge, 1500, 4000)]
    [InlineData(Indicator.HeadCircumferenceForAge, 0, 1856)]
    public void Every_kind_of_chart_renders(Indicator indicator, double from, double to)
    {
        var data = GrowthCharts.Build(indicator, Sex.Female, new ChartRange(from, to));

        var doc = XDocument.Parse(SvgChartRenderer.Render(data));

        Assert.Equal(5, data.Centiles.Count);
        Assert.Equal(7, data.ZScoreLines.Count);
        Assert.All(data.Centiles, c => Assert.True(c.Points.Count > 10));
        Assert.NotEmpty(doc.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void Centile_curves_are_ordered_and_the_median_is_the_WHO_median()
    {
        var data = GrowthCharts.Build(Indicator.WeightForAge, Sex.Female, ChartRange.Months(0, 12));

        for (var i = 0; i < data.Centiles[0].Points.Count; i++)
        {
            var ys = data.Centiles.Select(c => c.Points[i].Y).ToList();
            Assert.Equal(ys.Order(), ys);
            var x = (int)data.Centiles[2].Points[i].X;
            Assert.Equal(0, GrowthCalculator.ZScoreOrNaN(Indicator.WeightForAge, Sex.Female, x, data.Centiles[2].Points[i].Y), 9);
        }
    }
}
