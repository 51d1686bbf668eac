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
        // Our own 1 MB buffers on both sides: the FileStreams need none (bufferSize 0).
        using var reader = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var progress = outPath is null ? null : new Action<SurveyProgress>(p =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {p.Rows} rows ({p.RowsWithErrors} with errors)")));
        SurveyProgress done;
        if (outPath is not null)
        {
            await using var file = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
            done = SurveyScorer.Score(reader, file, progress, ct);
        }
        else
        {
            await using var text = new TextWriterStream(output);
            done = SurveyScorer.Score(reader, text, progress, ct);
        }
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"done: {done.Rows} rows scored, {done.RowsWithErrors} with errors{(outPath is null ? "" : $", written to {outPath}")}"));
        return 0;
    }
}
