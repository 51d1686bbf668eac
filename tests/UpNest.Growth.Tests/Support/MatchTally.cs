using Xunit.Abstractions;

namespace UpNest.Growth.Tests.Support;

/// <summary>Counts agreement with WHO vectors and keeps the first mismatches for the failure message.</summary>
internal sealed class MatchTally(string name)
{
    public const double Tolerance = 0.01 + 1e-9;

    private readonly List<string> _failures = [];

    public int ZMatched { get; private set; }
    public int ZTotal { get; private set; }
    public int BlankAgreed { get; private set; }
    public int BlankTotal { get; private set; }
    public int FlagAgreed { get; private set; }
    public int FlagTotal { get; private set; }
    public List<string> Notes { get; } = [];

    public void Z(string where, double? who, double? ours)
    {
        if (who is null) return;
        ZTotal++;
        if (ours is { } z && Math.Abs(z - who.Value) <= Tolerance) ZMatched++;
        else Fail($"{where}: WHO {who} ours {ours?.ToString() ?? "none"}");
    }

    public void Blank(string where, bool agreed, string detail)
    {
        BlankTotal++;
        if (agreed) BlankAgreed++;
        else Fail($"{where}: WHO blank, {detail}");
    }

    public void Flag(string where, bool whoFlagged, bool oursFlagged)
    {
        FlagTotal++;
        if (whoFlagged == oursFlagged) FlagAgreed++;
        else Fail($"{where}: WHO flag {(whoFlagged ? 1 : 0)} ours {(oursFlagged ? 1 : 0)}");
    }

    public void Fail(string message) => _failures.Add(message);

    public void ReportAndAssert(ITestOutputHelper output)
    {
        output.WriteLine($"{name}: z-scores {ZMatched} of {ZTotal} matched (within 0.01); " +
                         $"blank z-scores {BlankAgreed} of {BlankTotal} agreed; flags {FlagAgreed} of {FlagTotal} agreed.");
        foreach (var note in Notes) output.WriteLine("  note: " + note);
        foreach (var failure in _failures.Take(40)) output.WriteLine("  MISMATCH " + failure);
        Assert.True(_failures.Count == 0, $"{name}: {_failures.Count} mismatches, first: {string.Join(" | ", _failures.Take(5))}");
        Assert.True(ZTotal > 0, $"{name}: no vectors read");
    }
}
