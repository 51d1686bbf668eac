namespace UpNest.Growth.Assessment;

/// <summary>
/// The nine centile lines of the UK-WHO charts NICE NG75 counts "centile spaces" on: 0.4th, 2nd,
/// 9th, 25th, 50th, 75th, 91st, 98th and 99.6th, which sit exactly 2/3 SD apart (the centile
/// names are those z-scores' centiles, rounded). Space 0 lies below the 0.4th line, space 9 above
/// the 99.6th; a z-score on a line belongs to the space above it.
/// </summary>
public static class NineLineChart
{
    /// <summary>The distance between adjacent lines, in SD: one centile space.</summary>
    public const double CentileSpaceSd = 2.0 / 3.0;

    public const int SpaceCount = 10;

    /// <summary>The lines' centile names, lowest first.</summary>
    public static IReadOnlyList<string> LineNames { get; } = ["0.4th", "2nd", "9th", "25th", "50th", "75th", "91st", "98th", "99.6th"];

    /// <summary>z of line <paramref name="line"/> (0 = 0.4th … 8 = 99.6th).</summary>
    public static double LineZ(int line) => (line - 4) * CentileSpaceSd;

    /// <summary>The space (0–9) a z-score falls in.</summary>
    public static int SpaceOf(double z)
    {
        var space = 0;
        // Compare in thirds of an SD so that a z-score of exactly −2 or +1.33… is not lost to rounding.
        var thirds = z * 3;
        for (var line = 0; line < LineNames.Count; line++)
        {
            if (thirds >= (line - 4) * 2 - 1e-9) space = line + 1;
        }
        return space;
    }

    /// <summary>"50th–75th", "below 0.4th", "above 99.6th".</summary>
    public static string Label(int space) => space switch
    {
        <= 0 => "below " + LineNames[0],
        >= SpaceCount - 1 => "above " + LineNames[^1],
        _ => LineNames[space - 1] + "–" + LineNames[space],
    };
}
