using System.Runtime.CompilerServices;

namespace UpNest.Growth.Standards;

/// <summary>
/// One WHO table for one sex: L, M and S on an evenly spaced integer key grid
/// (days, tenths of a cm or months), stored as parallel arrays so a lookup is an index.
/// </summary>
internal sealed class LmsTable
{
    private readonly double[] _l;
    private readonly double[] _m;
    private readonly double[] _s;

    public LmsTable(int firstKey, double[] l, double[] m, double[] s)
    {
        FirstKey = firstKey;
        _l = l;
        _m = m;
        _s = s;
    }

    /// <summary>Key of the first row in grid units.</summary>
    public int FirstKey { get; }

    /// <summary>Key of the last row in grid units.</summary>
    public int LastKey => FirstKey + _l.Length - 1;

    public int Count => _l.Length;

    public bool Contains(int key) => (uint)(key - FirstKey) < (uint)_l.Length;

    /// <summary>The row at an exact key; the caller has checked <see cref="Contains"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Lms At(int key)
    {
        var i = key - FirstKey;
        return new Lms(_l[i], _m[i], _s[i]);
    }

    /// <summary>
    /// Linear interpolation between the row at <paramref name="key"/> and the next one, the way
    /// igrowup and who2007 do it: the exact row when the fraction is zero, so the last row
    /// never needs a successor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Lms Interpolate(int key, double fraction)
    {
        var i = key - FirstKey;
        if (fraction <= 0) return new Lms(_l[i], _m[i], _s[i]);
        return new Lms(
            _l[i] + fraction * (_l[i + 1] - _l[i]),
            _m[i] + fraction * (_m[i + 1] - _m[i]),
            _s[i] + fraction * (_s[i + 1] - _s[i]));
    }
}

/// <summary>Box-Cox power (L), median (M) and coefficient of variation (S).</summary>
internal readonly record struct Lms(double L, double M, double S);
