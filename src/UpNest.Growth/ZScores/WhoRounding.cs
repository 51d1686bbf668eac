namespace UpNest.Growth.ZScores;

/// <summary>Rounding exactly as the WHO macros' <c>rounde</c>: half away from zero on |x|·10^d.</summary>
public static class WhoRounding
{
    // Exact powers of ten (what Math.Pow(10, d) returns for these d), without a pow call per z-score.
    private static readonly double[] Scales = [1, 10, 100, 1000, 10000];

    public static double Round(double value, int digits)
    {
        if (double.IsNaN(value)) return value;
        var scale = (uint)digits < (uint)Scales.Length ? Scales[digits] : Math.Pow(10, digits);
        var a = Math.Abs(value * scale);
        var floor = Math.Floor(a);
        var rounded = a - floor < 0.5 ? floor : floor + 1;
        // Avoid a negative zero, which would print as "-0".
        return rounded == 0 ? 0 : Math.CopySign(rounded, value) / scale;
    }

    /// <summary>Two decimals, as the WHO reports z-scores.</summary>
    public static double Round2(double value) => Round(value, 2);
}
