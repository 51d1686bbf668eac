using System.Globalization;
using System.Text;

namespace UpNest.Core.Vaccinations;

/// <summary>One all-day event of the feed.</summary>
public sealed record IcsEvent(string Uid, DateOnly Day, string Summary, string? Description);

/// <summary>
/// A minimal RFC 5545 writer: CRLF line ends, content lines folded at 75 octets (never inside
/// a UTF-8 sequence), TEXT values escaped. Summaries carry no names: links can leak.
/// </summary>
public static class IcsCalendar
{
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//UpNest//Vaccinations//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + e.Uid);
            Line(text, "DTSTAMP:" + stamp);
            Line(text, "DTSTART;VALUE=DATE:" + Day(e.Day));
            Line(text, "DTEND;VALUE=DATE:" + Day(e.Day.AddDays(1)));
            Line(text, "SUMMARY:" + Escape(e.Summary));
            if (e.Description is { } description)
            {
                Line(text, "DESCRIPTION:" + Escape(description));
            }
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "END:VEVENT");
        }
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line, folded: continuation lines start with one space (which counts toward their 75 octets).</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        text.Append("\r\n");
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
