using UpNest.Growth.Tests.Support;
using Xunit.Abstractions;

namespace UpNest.Growth.Tests.Reference;

/// <summary>T1: WHO's igrowup example survey (2006 standards, eight indicators, flags).</summary>
public sealed class IgrowupSurveyTests(ITestOutputHelper output)
{
    public static readonly string File = Path.Combine(TestPaths.WhoTests, "igrowup-2006-sample-survey", "MySurvey_z_st.part-shared.csv");

    private static readonly (string Z, string F, Indicator[] Indicators)[] Columns =
    [
        ("zlen", "flen", [Indicator.LengthHeightForAge]),
        ("zwei", "fwei", [Indicator.WeightForAge]),
        ("zwfl", "fwfl", [Indicator.WeightForLength, Indicator.WeightForHeight]),
        ("zbmi", "fbmi", [Indicator.BmiForAge]),
        ("zhc", "fhc", [Indicator.HeadCircumferenceForAge]),
        ("zac", "fac", [Indicator.ArmCircumferenceForAge]),
        ("zts", "fts", [Indicator.TricepsSkinfoldForAge]),
        ("zss", "fss", [Indicator.SubscapularSkinfoldForAge]),
    ];

    /// <summary>Inputs carry single-precision artefacts: round to the recorded precision (PROVENANCE.md).</summary>
    internal static GrowthInput InputFor(CsvTable.Row row)
    {
        var months = row.Number("agemons");
        return new GrowthInput
        {
            Sex = (Sex)(int)row.Number("GENDER")!.Value,
            AgeDays = months is { } m ? GrowthAge.FromMonths(m) : null,
            AgeMonths = months,
            WeightKg = row.Rounded("WEIGHT", 2),
            LengthHeightCm = row.Rounded("HEIGHT", 1),
            Position = VectorCheck.Position(row["measure"]),
            Oedema = row["oedema"].Equals("y", StringComparison.OrdinalIgnoreCase),
            HeadCircumferenceCm = row.Rounded("HEAD", 1),
            ArmCircumferenceCm = row.Rounded("MUAC", 1),
            TricepsSkinfoldMm = row.Rounded("TRI", 1),
            SubscapularSkinfoldMm = row.Rounded("SUB", 1),
        };
    }

    [Fact]
    public void Every_z_score_and_flag_of_the_igrowup_survey_matches()
    {
        var table = new CsvTable(File);
        var tally = new MatchTally($"T1 igrowup 2006 survey ({table.Rows.Count} children)");
        var ages = 0;
        foreach (var row in table.Rows)
        {
            if (row["GENDER"].Length == 0)
            {
                // igrowup computes nothing without sex; UpNest requires it.
                foreach (var (z, _, _) in Columns) tally.Blank($"id {row["id"]} {z}", row[z].Length == 0, "no sex in the input");
                continue;
            }
            var input = InputFor(row);
            if (row.Number("age.days") is { } whoDays)
            {
                ages++;
                if (whoDays != input.AgeDays) tally.Fail($"id {row["id"]}: age.days WHO {whoDays} ours {input.AgeDays}");
            }
            var result = GrowthCalculator.Calculate(input);
            foreach (var (z, f, indicators) in Columns)
            {
                VectorCheck.Compare(tally, $"id {row["id"]}", row, z, f, VectorCheck.Find(result, GrowthReference.Who2006, indicators));
            }
        }
        tally.Notes.Add($"age in days from agemons (round half up of months x 30.4375) equal to age.days for {ages} children");
        tally.ReportAndAssert(output);
    }
}
