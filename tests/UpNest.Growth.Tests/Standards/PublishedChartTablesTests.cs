using System.Globalization;
using UpNest.Growth.Standards;
using UpNest.Growth.Tests.Support;
using UpNest.Growth.ZScores;
using Xunit.Abstractions;

namespace UpNest.Growth.Tests.Standards;

/// <summary>
/// The WHO-published 2007 chart tables list the value at −4…+4 SD; for weight and BMI the ±4 SD
/// columns follow the restricted LMS line. Our chart curves must reproduce them (3 decimals).
/// </summary>
public sealed class PublishedChartTablesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("wfa_boys_z_WHO2007_exp.txt", WhoTable.WeightForAge2007, Sex.Male, true)]
    [InlineData("wfa_girls_z_WHO2007_exp.txt", WhoTable.WeightForAge2007, Sex.Female, true)]
    [InlineData("bmi_boys_z_WHO2007_exp.txt", WhoTable.BmiForAge2007, Sex.Male, true)]
    [InlineData("bmi_girls_z_WHO2007_exp.txt", WhoTable.BmiForAge2007, Sex.Female, true)]
    [InlineData("hfa_boys_z_WHO2007_exp.txt", WhoTable.HeightForAge2007, Sex.Male, false)]
    [InlineData("hfa_girls_z_WHO2007_exp.txt", WhoTable.HeightForAge2007, Sex.Female, false)]
    internal void Curves_match_the_WHO_published_SD_columns(string file, WhoTable table, Sex sex, bool restricted)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Who, "who-website-tables", file));
        var header = lines[0].Split('\t');
        var checkedValues = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = line.TrimEnd('\r').Split('\t');
            var lms = WhoLmsData.Get(table, sex).At(int.Parse(f[0], CultureInfo.InvariantCulture));
            for (var z = -4; z <= 4; z++)
            {
                var column = z < 0 ? $"SD{-z}neg" : $"SD{z}";
                var expected = double.Parse(f[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
                var ours = restricted ? LmsMath.RestrictedCentile(lms, z) : LmsMath.Centile(lms, z);
                Assert.True(Math.Abs(ours - expected) <= 0.0005 + 1e-9, $"{file} month {f[0]} {column}: WHO {expected}, ours {ours}");
                checkedValues++;
            }
        }
        output.WriteLine($"{file}: {checkedValues} published values reproduced.");
    }
}
