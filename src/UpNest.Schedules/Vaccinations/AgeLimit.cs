using System.Globalization;

namespace UpNest.Schedules.Vaccinations;

/// <summary>
/// An age counted on the calendar as CDSi does (years, then months, then weeks and days):
/// "8 months + 1 day" is 8 calendar months after birth plus one day. Used for maximum
/// ages, where the schedule sources say a day count can be off by one or two.
/// </summary>
public sealed record AgeLimit(int Years, int Months, int Weeks, int Days)
{
    /// <summary>The first day on which a dose with this maximum age is no longer valid.</summary>
    public DateOnly FirstDayPast(DateOnly birthDate) =>
        birthDate.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days);

    /// <summary>The last day on which the dose may still be given.</summary>
    public DateOnly LastAllowedDay(DateOnly birthDate) => FirstDayPast(birthDate).AddDays(-1);

    /// <summary>Parses the resource form, e.g. "15w", "8m+1d", "5y", "105d".</summary>
    public static AgeLimit Parse(string text)
    {
        int years = 0, months = 0, weeks = 0, days = 0;
        foreach (var term in text.Split('+'))
        {
            if (term.Length < 2 || !int.TryParse(term.AsSpan(0, term.Length - 1), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var n))
            {
                throw new FormatException($"not an age limit: '{text}'");
            }

            switch (term[^1])
            {
                case 'y': years += n; break;
                case 'm': months += n; break;
                case 'w': weeks += n; break;
                case 'd': days += n; break;
                default: throw new FormatException($"not an age limit: '{text}'");
            }
        }

        return new AgeLimit(years, months, weeks, days);
    }

    public override string ToString()
    {
        var parts = new List<string>();
        Add(Years, "y");
        Add(Months, "m");
        Add(Weeks, "w");
        Add(Days, "d");
        return string.Join('+', parts);

        void Add(int n, string unit)
        {
            if (n != 0)
            {
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + unit);
            }
        }
    }
}
