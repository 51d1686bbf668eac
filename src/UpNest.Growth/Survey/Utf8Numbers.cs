using System.Globalization;

namespace UpNest.Growth.Survey;

/// <summary>
/// Number parsing and formatting on UTF-8 spans with the BCL's exact results, faster for the shapes
/// survey files hold. Each fast path is exact by construction and everything else goes to the BCL.
/// </summary>
internal static class Utf8Numbers
{
    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/> with
    /// <see cref="NumberStyles.Float"/> and the invariant culture. Plain decimals of at most 15 digits
    /// ("-12.345") take Clinger's fast path: the digits as an exact integer (below 2^53) divided by an
    /// exact power of ten is one correctly rounded operation, so the result is the BCL's, bit for bit.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == '-') { negative = true; i = 1; }
        long mantissa = 0;
        int digits = 0, decimals = 0;
        var point = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if ((uint)(c - '0') <= 9)
            {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) decimals++;
            }
            else if (c == '.' && !point) point = true;
            else return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        if (digits is 0 or > 15) return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        value = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        if (negative) value = -value;
        return true;
    }

    /// <summary>
    /// A WHO-rounded z-score (k/100 for an integer k, as <see cref="ZScores.WhoRounding.Round2"/> returns)
    /// written as <c>ToString("0.00")</c> writes it: the 15-digit form of k/100 is k/100 exactly, so the
    /// digits are k's. Returns the bytes written.
    /// </summary>
    public static int FormatHundredths(double rounded, Span<byte> destination)
    {
        var k = (long)Math.Round(rounded * 100);
        if (Math.Abs(k) >= 1_000_000_000_000 || k / 100.0 != rounded)
        {
            rounded.TryFormat(destination, out var fallback, "0.00", CultureInfo.InvariantCulture);
            return fallback;
        }
        var at = 0;
        if (k < 0) { destination[at++] = (byte)'-'; k = -k; }
        // Digits of k, at least three ("0.0x"), written backwards, the point before the last two.
        var digits = 3;
        for (var rest = k / 1000; rest > 0; rest /= 10) digits++;
        var end = at + digits + 1;
        var pos = end - 1;
        for (var i = 0; i < digits; i++)
        {
            if (i == 2) destination[pos--] = (byte)'.';
            destination[pos--] = (byte)('0' + (int)(k % 10));
            k /= 10;
        }
        return end;
    }

    /// <summary>
    /// <c>value.ToString("0.###")</c> (<paramref name="decimals"/> 3) or <c>"0.####"</c> (4) for positive
    /// finite values, as the BCL's custom formatting does it: the 15 significant digits of "E14" (the
    /// same digits custom formats start from), rounded half up at the last decimal, trailing zeros
    /// dropped. Anything else goes to the BCL. Returns the bytes written.
    /// </summary>
    public static int FormatDecimals(double value, int decimals, Span<byte> destination)
    {
        if (!(value > 1e-300) || value >= 1e15)
        {
            value.TryFormat(destination, out var fallback, decimals == 3 ? "0.###" : "0.####", CultureInfo.InvariantCulture);
            return fallback;
        }
        Span<byte> e = stackalloc byte[32];
        value.TryFormat(e, out var length, "E14", CultureInfo.InvariantCulture);
        // "d.ddddddddddddddE+ddd": 15 digits, then the exponent.
        Span<byte> digits = stackalloc byte[16];
        digits[0] = e[0];
        e.Slice(2, 14).CopyTo(digits[1..]);
        var exponentNegative = e[17] == '-';
        var exponent = 0;
        for (var i = 18; i < length; i++) exponent = exponent * 10 + (e[i] - '0');
        var scale = (exponentNegative ? -exponent : exponent) + 1;

        // RoundNumber: keep `scale + decimals` digits, half up on the next one, drop trailing zeros.
        var pos = scale + decimals;
        var count = 0;
        while (count < pos && count < 15) count++;
        if (count == pos && pos < 15 && digits[pos] >= '5')
        {
            while (count > 0 && digits[count - 1] == '9') count--;
            if (count > 0) digits[count - 1]++;
            else { scale++; digits[0] = (byte)'1'; count = 1; }
        }
        else
        {
            while (count > 0 && digits[count - 1] == '0') count--;
        }
        if (count == 0) scale = 0;

        var at = 0;
        if (scale <= 0) destination[at++] = (byte)'0';
        for (var i = 0; i < scale; i++) destination[at++] = i < count ? digits[i] : (byte)'0';
        if (count > scale)
        {
            destination[at++] = (byte)'.';
            for (var i = scale; i < 0; i++) destination[at++] = (byte)'0';
            for (var i = Math.Max(scale, 0); i < count; i++) destination[at++] = digits[i];
        }
        return at;
    }
}
