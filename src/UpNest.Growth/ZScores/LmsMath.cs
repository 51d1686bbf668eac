using System.Runtime.CompilerServices;
using UpNest.Growth.Standards;

namespace UpNest.Growth.ZScores;

/// <summary>The LMS z-score, plain and in the WHO's restricted form.</summary>
internal static class LmsMath
{
    /// <summary>z = ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ZScore(in Lms lms, double value) =>
        lms.L == 0
            ? Math.Log(value / lms.M) / lms.S
            : (Math.Pow(value / lms.M, lms.L) - 1) / (lms.L * lms.S);

    /// <summary>
    /// The WHO's restricted application of the LMS method: beyond ±3 SD the skewed tail is
    /// replaced by a straight line with the spacing of the 2–3 SD interval, so extreme values do
    /// not get compressed z-scores (igrowup / who2007 for weight, BMI, skinfolds and MUAC).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RestrictedZScore(in Lms lms, double value)
    {
        var z = ZScore(lms, value);
        if (z > 3)
        {
            var sd3 = Centile(lms, 3);
            var sd23 = sd3 - Centile(lms, 2);
            return 3 + (value - sd3) / sd23;
        }
        if (z < -3)
        {
            var sd3 = Centile(lms, -3);
            var sd23 = Centile(lms, -2) - sd3;
            return -3 + (value - sd3) / sd23;
        }
        return z;
    }

    /// <summary>The measurement at a given z on the pure LMS curve: M·(1 + L·S·z)^(1/L).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Centile(in Lms lms, double z) =>
        lms.L == 0
            ? lms.M * Math.Exp(lms.S * z)
            : lms.M * Math.Pow(1 + lms.L * lms.S * z, 1 / lms.L);

    /// <summary>The inverse of <see cref="RestrictedZScore"/>: the value drawn on WHO charts at z.</summary>
    public static double RestrictedCentile(in Lms lms, double z)
    {
        if (z > 3)
        {
            var sd3 = Centile(lms, 3);
            return sd3 + (z - 3) * (sd3 - Centile(lms, 2));
        }
        if (z < -3)
        {
            var sd3 = Centile(lms, -3);
            return sd3 + (z + 3) * (Centile(lms, -2) - sd3);
        }
        return Centile(lms, z);
    }
}
