using UpNest.Growth.Survey;
using UpNest.Growth.Tests.Reference;
using UpNest.Growth.Tests.Support;
using Xunit.Abstractions;

namespace UpNest.Growth.Tests.Survey;

public sealed class SurveyScorerTests(ITestOutputHelper output)
{
    private static readonly string[] Pairs = ["zlen", "zwei", "zwfl", "zbmi", "zhc", "zac", "zts", "zss"];

    [Fact]
    public async Task Scoring_the_igrowup_survey_file_reproduces_its_z_scores_and_flags()
    {
        var scored = Path.Combine(Path.GetTempPath(), $"upnest-survey-{Guid.NewGuid():N}.csv");
        var reports = new List<SurveyProgress>();
        try
        {
            using (var reader = new StreamReader(IgrowupSurveyTests.File))
            await using (var writer = new StreamWriter(scored))
            {
                await SurveyScorer.ScoreAsync(reader, writer, reports.Add);
            }
            var table = new CsvTable(scored);
            var tally = new MatchTally($"T1 through SurveyScorer ({table.Rows.Count} rows, raw single-precision inputs)");
            foreach (var row in table.Rows)
            {
                Assert.Equal("", row["_error"]);
                Assert.Equal(row["age.days"], row["_agedays"]);
                foreach (var z in Pairs)
                {
                    var f = "f" + z[1..];
                    tally.Z($"id {row["id"]} {z}", row.Number(z), row.Number("_" + z));
                    if (row.Number(z) is null) tally.Blank($"id {row["id"]} {z}", row["_" + z].Length == 0, row["_" + z]);
                    if (row[f].Length > 0) tally.Flag($"id {row["id"]} {f}", row[f] == "1", row["_" + f] == "1");
                }
            }
            tally.ReportAndAssert(output);
            Assert.Equal(table.Rows.Count, reports[^1].Rows);
            Assert.Equal(0, reports[^1].RowsWithErrors);
        }
        finally
        {
            File.Delete(scored);
        }
    }

    [Fact]
    public async Task Rows_with_bad_values_are_kept_and_explained_and_progress_is_reported()
    {
        var csv = "id,sex,birthdate,visitdate,weight,lengthheight,measure,oedema\n" +
                  "1,female,2024-01-01,2024-07-01,7.3,66.0,l,n\n" +
                  "2,x,2024-01-01,2024-07-01,7.3,66.0,l,n\n" +
                  "3,\"male\",2024-01-01,2024-07-01,abc,66.0,l,n\n";
        var writer = new StringWriter();
        var reports = new List<SurveyProgress>();

        var done = await SurveyScorer.ScoreAsync(new StringReader(csv), writer, reports.Add);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, done.Rows);
        Assert.Equal(2, done.RowsWithErrors);
        Assert.Equal(done, reports[^1]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1,female,2024-01-01,2024-07-01,7.3,66.0,l,n,182,WHO2006,66,", lines[1]);
        Assert.EndsWith("sex 'x' is not 1/2 or male/female", lines[2]);
        Assert.EndsWith("'abc' is not a number", lines[3]);
    }
}
