using System.Globalization;
using UpNest.Growth.Survey;

namespace UpNest.Cli.Commands;

/// <summary>
/// `upnest zscores in.csv [--out out.csv]`: scores a survey file as WHO Anthro's survey mode does,
/// streaming row by row (columns in docs/WHO-METHOD.md), with progress on standard error.
/// </summary>
internal sealed class ZScoresCommand : ICliCommand
{
    public string Name => "zscores";

    public string Usage => "<in.csv> [--out out.csv]";

    public string Summary => "Add WHO z-scores and flags to a survey CSV (id, sex, age or dates, weight, lengthheight, measure, oedema, headc, muac, triskin, subskin).";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly(1, "out");
        var input = args.Positional.Count == 1 ? args.Positional[0] : throw new UsageException("Name the survey CSV to score.");
        if (!File.Exists(input))
        {
            throw new UsageException($"No file at '{input}'.");
        }
        var outPath = args.Get("out");
        using var reader = new StreamReader(input);
        await using var file = outPath is null ? null : new StreamWriter(outPath);
        var writer = file ?? output;
        var progress = outPath is null ? null : new Action<SurveyProgress>(p =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {p.Rows} rows ({p.RowsWithErrors} with errors)")));
        var done = await SurveyScorer.ScoreAsync(reader, writer, progress, ct);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"done: {done.Rows} rows scored, {done.RowsWithErrors} with errors{(outPath is null ? "" : $", written to {outPath}")}"));
        return 0;
    }
}
