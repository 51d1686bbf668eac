using System.Globalization;

namespace UpNest.Schedules.Cdsi;

/// <summary>
/// An age or interval as CDSi writes it ("6 months - 4 days", "4 months + 4 weeks"), applied
/// to a date with the specification's calendar rules: years and months move the calendar
/// (a day that does not exist in the target month becomes the first of the next month),
/// weeks and days add days, in the order written.
/// </summary>
public sealed class CdsiDuration : IEquatable<CdsiDuration>
{
    private readonly (int Amount, Unit Unit)[] terms;

    private CdsiDuration((int, Unit)[] terms, string text)
    {
        this.terms = terms;
        Text = text;
    }

    public enum Unit { Year, Month, Week, Day }

    /// <summary>The signed terms in the order written ("6 months - 4 days" is (6, Month), (-4, Day)).</summary>
    public IReadOnlyList<(int Amount, Unit Unit)> Terms => terms;

    /// <summary>The text as CDC wrote it.</summary>
    public string Text { get; }

    public static CdsiDuration Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a CDSi age or interval");

    /// <summary>Null for an empty field: CDSi leaves a field empty when it does not apply.</summary>
    public static CdsiDuration? ParseOptional(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    public static CdsiDuration? TryParse(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var terms = new List<(int, Unit)>();
        var sign = 1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is "+" or "-")
            {
                sign = tokens[i] == "-" ? -1 : 1;
                continue;
            }

            if (i + 1 >= tokens.Length || !int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            Unit? unit = tokens[++i].ToUpperInvariant().TrimEnd('S') switch
            {
                "YEAR" => Unit.Year,
                "MONTH" => Unit.Month,
                "WEEK" => Unit.Week,
                "DAY" => Unit.Day,
                _ => null,
            };
            if (unit is null)
            {
                return null;
            }

            terms.Add((sign * n, unit.Value));
        }

        return terms.Count == 0 ? null : new CdsiDuration([.. terms], string.Join(' ', tokens));
    }

    /// <summary>The date this duration after <paramref name="from"/>, by CDSi's calendar rules.</summary>
    public DateOnly After(DateOnly from)
    {
        var date = from;
        foreach (var (amount, unit) in terms)
        {
            date = unit switch
            {
                Unit.Year => AddMonths(date, 12 * amount),
                Unit.Month => AddMonths(date, amount),
                Unit.Week => date.AddDays(7 * amount),
                _ => date.AddDays(amount),
            };
        }

        return date;
    }

    /// <summary>
    /// CDSi moves the month and keeps the day; when that day does not exist (31 April,
    /// 29 February in a common year) the result is the first day of the following month.
    /// </summary>
    internal static DateOnly AddMonths(DateOnly date, int months)
    {
        var index = (date.Year * 12) + (date.Month - 1) + months;
        var year = index / 12;
        var month = (index % 12) + 1;
        return date.Day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, date.Day)
            : new DateOnly(year, month, 1).AddMonths(1);
    }

    public bool Equals(CdsiDuration? other) => other is not null && other.terms.AsSpan().SequenceEqual(terms);

    public override bool Equals(object? obj) => Equals(obj as CdsiDuration);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;
}
