using System.Text;
using UpNest.Core.Vaccinations;

namespace UpNest.Core.Tests.Vaccinations;

public sealed class IcsCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 5, TimeSpan.FromHours(2));

    [Fact]
    public void A_calendar_has_crlf_lines_and_one_event_per_dose_with_uid_stamp_and_date()
    {
        var ics = IcsCalendar.Write("Vaccinations", [new IcsEvent("abc@upnest", new DateOnly(2026, 3, 3), "Hepatitis B dose 2", null)], Now);

        Assert.Equal(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//UpNest//Vaccinations//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
            "X-WR-CALNAME:Vaccinations\r\nBEGIN:VEVENT\r\nUID:abc@upnest\r\nDTSTAMP:20260301T073005Z\r\n" +
            "DTSTART;VALUE=DATE:20260303\r\nDTEND;VALUE=DATE:20260304\r\nSUMMARY:Hepatitis B dose 2\r\nTRANSP:TRANSPARENT\r\n" +
            "END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var summary = string.Concat(Enumerable.Repeat("Diphtérie, tétanos — coqueluche; ", 6));

        var ics = IcsCalendar.Write("V", [new IcsEvent("u", new DateOnly(2026, 1, 1), summary, "line one\nline two")], Now);

        var lines = ics.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + IcsCalendar.Escape(summary) + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:line one\\nline two\r\n", unfolded, StringComparison.Ordinal);
        Assert.True(lines.Count(l => l.StartsWith(' ')) >= 3);
    }

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_newlines()
    {
        Assert.Equal("a\\\\b\\;c\\,d\\ne", IcsCalendar.Escape("a\\b;c,d\r\ne"));
    }
}
