using System.Security.Cryptography;
using UpNest.Testing;

namespace UpNest.Cli.Tests;

public sealed class ZScoresCommandTests
{
    private static string Survey => Path.Combine(RepoPaths.Reference, "who-tests", "igrowup-2006-sample-survey", "MySurvey_z_st.part-shared.csv");

    [Fact]
    public async Task Scores_the_WHO_sample_survey_as_the_WHO_macro_did()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"upnest-z-{Guid.NewGuid():N}.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandRunner.RunAsync(["zscores", Survey, "--out", outPath], output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = await File.ReadAllLinesAsync(outPath);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        var row = lines.Skip(1).Select(l => l.Split(',')).First(f => f[0] == "3");
        // Child 3 in WHO's own output: zwei -0.72, zlen -0.55, zwfl -0.49.
        Assert.Equal("-0.72", row[header.IndexOf("_zwei")]);
        Assert.Equal("-0.55", row[header.IndexOf("_zlen")]);
        Assert.Equal("-0.49", row[header.IndexOf("_zwfl")]);
        Assert.Equal(File.ReadLines(Survey).Count(), lines.Length);
    }

    [Fact]
    public async Task A_missing_input_file_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandRunner.RunAsync(["zscores", "/nonexistent/survey.csv"], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("usage: upnest zscores", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>SHA-256 of `upnest zscores` on the shared igrowup survey before the UTF-8 scorer (commit eebf2b4).</summary>
    private const string SharedSurveyOutputSha256 = "2c65a27da4ad2923142ef8cd525d83b9bd905a00cd819359c5269d6acad3919e";

    [Fact]
    public async Task The_output_file_and_standard_output_are_byte_for_byte_what_they_were()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"upnest-z-{Guid.NewGuid():N}.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Assert.Equal(0, await CommandRunner.RunAsync(["zscores", Survey, "--out", outPath], output, error, CancellationToken.None));
            Assert.Equal(SharedSurveyOutputSha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(outPath))));

            Assert.Equal(0, await CommandRunner.RunAsync(["zscores", Survey], output, error, CancellationToken.None));
            Assert.Equal(SharedSurveyOutputSha256, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(output.ToString()))));
        }
        finally
        {
            File.Delete(outPath);
        }
    }
}
