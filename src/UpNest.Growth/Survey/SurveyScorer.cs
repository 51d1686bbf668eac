using System.Globalization;

namespace UpNest.Growth.Survey;

/// <summary>Progress of a survey run, reported every <see cref="SurveyScorer.ProgressInterval"/> rows and at the end.</summary>
public readonly record struct SurveyProgress(long Rows, long RowsWithErrors);

/// <summary>
/// Scores a survey CSV like WHO Anthro's survey mode: every input column is copied, then the age
/// in days used, the adjusted length/height, BMI, and a z-score and flag per indicator are appended.
/// Streams line by line, so file size does not matter. Columns: docs/WHO-METHOD.md.
/// </summary>
public static class SurveyScorer
{
    public const int ProgressInterval = 1000;

    /// <summary>
    /// Output columns after the input ones; the underscore prefix (as Stata igrowup) keeps them apart
    /// from input columns of the same name. Weight-for-length and -height share _zwfl as in igrowup;
    /// weight-, length/height- and BMI-for-age hold the 2007 reference from 61 months (_reference).
    /// </summary>
    public static IReadOnlyList<string> AddedColumns { get; } =
    [
        "_agedays", "_reference", "_clenhei", "_cbmi",
        "_zwei", "_fwei", "_zlen", "_flen", "_zwfl", "_fwfl", "_zbmi", "_fbmi",
        "_zhc", "_fhc", "_zac", "_fac", "_zts", "_fts", "_zss", "_fss", "_error",
    ];

    private static readonly Indicator[][] ZColumns =
    [
        [Indicator.WeightForAge], [Indicator.LengthHeightForAge], [Indicator.WeightForLength, Indicator.WeightForHeight],
        [Indicator.BmiForAge], [Indicator.HeadCircumferenceForAge], [Indicator.ArmCircumferenceForAge],
        [Indicator.TricepsSkinfoldForAge], [Indicator.SubscapularSkinfoldForAge],
    ];

    public static async Task<SurveyProgress> ScoreAsync(TextReader input, TextWriter output,
        Action<SurveyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var headerLine = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new FormatException("The survey file is empty.");
        var header = CsvLine.Parse(headerLine.TrimStart('\uFEFF'));
        var columns = new SurveyColumns(header);
        await output.WriteAsync(Utf8SurveyScorer.TextRow(header, header.Count, AddedColumns)).ConfigureAwait(false);

        long rows = 0, errors = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            if (text.Length == 0) continue;
            var fields = CsvLine.Parse(text);
            var added = ScoreRow(columns, fields, out var failed);
            if (failed) errors++;
            await output.WriteAsync(Utf8SurveyScorer.TextRow(fields, header.Count, added)).ConfigureAwait(false);
            if (++rows % ProgressInterval == 0) progress?.Invoke(new SurveyProgress(rows, errors));
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var done = new SurveyProgress(rows, errors);
        progress?.Invoke(done);
        return done;
    }

    internal static string[] ScoreRow(SurveyColumns columns, IReadOnlyList<string> fields, out bool failed)
    {
        var added = new string[AddedColumns.Count];
        Array.Fill(added, "");
        failed = false;
        GrowthInput input;
        try
        {
            input = columns.Read(fields);
        }
        catch (FormatException e)
        {
            failed = true;
            added[^1] = e.Message;
            return added;
        }
        var result = GrowthCalculator.Calculate(input);
        var age = result.CorrectedAgeDays ?? result.AgeDays;
        added[0] = Format(age);
        added[1] = age is null ? "" : age <= ZScores.WhoRules.LastDay2006 ? "WHO2006" : "WHO2007";
        var clenhei = GrowthCalculator.AdjustedLengthHeight(input.LengthHeightCm, input.Position, age);
        added[2] = Format(clenhei, "0.###");
        added[3] = input.WeightKg is { } w && clenhei is { } h ? Format(GrowthCalculator.Bmi(w, h), "0.####") : "";
        for (var i = 0; i < ZColumns.Length; i++)
        {
            var r = result.Results.FirstOrDefault(x => ZColumns[i].Contains(x.Indicator));
            if (r?.ZScore is not { } z) continue;
            added[4 + 2 * i] = Format(z, "0.00");
            added[5 + 2 * i] = r.IsImplausible ? "1" : "0";
        }
        return added;
    }

    /// <summary>
    /// The same output as <see cref="ScoreAsync"/> on the same bytes, read and written as UTF-8 without
    /// per-row allocations (the CLI's path; see docs/PERFORMANCE.md). A UTF-16 or UTF-32 file (by its
    /// byte-order mark) is decoded and scored as text, which needs a seekable input.
    /// </summary>
    public static SurveyProgress Score(Stream input, Stream output, Action<SurveyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var lines = new Utf8LineReader(input);
        if (lines.IsUtf8) return Utf8SurveyScorer.Score(lines, output, progress, cancellationToken);
        if (!input.CanSeek) throw new FormatException("A UTF-16 or UTF-32 survey must be read from a file.");
        input.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(input, leaveOpen: true);
        using var writer = new StreamWriter(output, leaveOpen: true);
        return ScoreAsync(reader, writer, progress, cancellationToken).GetAwaiter().GetResult();
    }

    private static string Format(double? value, string format = "0") =>
        value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    private static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
