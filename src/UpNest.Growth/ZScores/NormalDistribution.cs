namespace UpNest.Growth.ZScores;

/// <summary>Standard normal CDF, accurate to about 1e-14 (the BCL has no erf).</summary>
public static class NormalDistribution
{
    public static double Cdf(double z)
    {
        if (double.IsNaN(z)) return double.NaN;
        var x = Math.Abs(z) / Math.Sqrt(2);
        // Taylor series of erf converges fast near 0; the continued fraction of erfc in the tails.
        var erfc = x < 2.5 ? 1 - ErfSeries(x) : ErfcContinuedFraction(x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /// <summary>The z at which Cdf(z) = p (bisection; only used to place centile lines).</summary>
    public static double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double lo = -40, hi = 40;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static double ErfSeries(double x)
    {
        // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
        double sum = 0, term = x;
        for (var n = 0; n < 200; n++)
        {
            var add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    private static double ErfcContinuedFraction(double x)
    {
        // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + …))))), evaluated bottom-up.
        double f = x;
        for (var n = 60; n >= 1; n--) f = x + n / 2.0 / f;
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
