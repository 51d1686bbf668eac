using BenchmarkDotNet.Attributes;
using UpNest.Growth.Survey;

namespace UpNest.Benchmarks;

/// <summary>
/// The in-process part of `upnest zscores` on the 100,000-child survey (the 166 children of WHO's
/// igrowup sample survey cycled, as bench/survey/make-survey.sh writes it): bytes in memory to bytes in
/// memory, so file and process costs stay out (those are in docs/PERFORMANCE.md, /usr/bin/time -v).
/// </summary>
[MemoryDiagnoser]
public class SurveyBenchmarks : IDisposable
{
    private byte[] _survey = [];
    private MemoryStream _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var source = Path.Combine(RepoRoot(), "..", "shared", "reference", "who-tests", "igrowup-2006-sample-survey", "MySurvey_z_st.part-shared.csv");
        var lines = File.ReadAllLines(source);
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        var text = new System.Text.StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < 100_000; i++) text.Append(rows[i % rows.Length]).Append('\n');
        _survey = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        _output = new MemoryStream(64 * 1024 * 1024);
    }

    /// <summary>The CLI's path: UTF-8 spans, no per-row allocations.</summary>
    [Benchmark]
    public long Utf8Survey100000Rows()
    {
        _output.SetLength(0);
        return SurveyScorer.Score(new MemoryStream(_survey, writable: false), _output).Rows;
    }

    /// <summary>The text path the CLI used before (StreamReader/StreamWriter), for comparison.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> TextSurvey100000Rows()
    {
        _output.SetLength(0);
        using var reader = new StreamReader(new MemoryStream(_survey, writable: false));
        await using var writer = new StreamWriter(_output, leaveOpen: true);
        return (await SurveyScorer.ScoreAsync(reader, writer)).Rows;
    }

    public void Dispose()
    {
        _output.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("UpNest.slnx not found above " + AppContext.BaseDirectory);
    }
}
