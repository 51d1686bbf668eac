using UpNest.Schedules.Cdsi;
using static UpNest.Schedules.Tests.Cdsi.CdsiCase;

namespace UpNest.Schedules.Tests.Cdsi;

/// <summary>CDSi calendar date calculation: years and months on the calendar, a missing day rolls to the 1st of the next month.</summary>
public class CdsiDurationTests
{
    [Theory]
    [InlineData("2024-01-15", "1 month", "2024-02-15")]
    [InlineData("2024-01-31", "1 month", "2024-03-01")]
    [InlineData("2023-08-31", "6 months", "2024-03-01")]
    [InlineData("2025-03-31", "1 month", "2025-05-01")]
    [InlineData("2024-02-29", "1 year", "2025-03-01")]
    [InlineData("2024-02-29", "4 years", "2028-02-29")]
    [InlineData("2025-03-01", "6 months - 4 days", "2025-08-28")]
    [InlineData("2025-01-05", "6 months - 4 days", "2025-07-01")]
    [InlineData("2024-01-01", "10 weeks - 4 days", "2024-03-07")]
    [InlineData("2024-01-01", "4 months + 4 weeks", "2024-05-29")]
    [InlineData("2024-11-30", "3 months", "2025-03-01")]
    [InlineData("2024-12-15", "2 months", "2025-02-15")]
    [InlineData("2020-01-01", "0 days", "2020-01-01")]
    [InlineData("2020-01-01", "7 years", "2027-01-01")]
    public void Adds_like_the_specification(string from, string duration, string expected)
    {
        Assert.Equal(D(expected), CdsiDuration.Parse(duration).After(D(from)));
    }

    [Fact]
    public void Month_arithmetic_differs_from_fixed_day_counts()
    {
        // 6 months is 184 days from 1 March but 181 from 1 September: CDSi counts calendar months.
        Assert.Equal(184, CdsiDuration.Parse("6 months").After(D("2025-03-01")).DayNumber - D("2025-03-01").DayNumber);
        Assert.Equal(181, CdsiDuration.Parse("6 months").After(D("2025-09-01")).DayNumber - D("2025-09-01").DayNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("six months")]
    [InlineData("6 fortnights")]
    [InlineData("6")]
    public void Refuses_what_is_not_a_CDSi_duration(string text)
    {
        Assert.Null(CdsiDuration.TryParse(text));
        Assert.Null(CdsiDuration.ParseOptional(""));
    }

    [Fact]
    public void Every_age_and_interval_in_the_embedded_data_parses()
    {
        var all = CdsiData.Instance.Antigens.SelectMany(a => a.Series).SelectMany(s => s.Doses).ToList();

        Assert.NotEmpty(all);
        Assert.All(all.SelectMany(d => d.Ages), a => Assert.True(a.Minimum is not null || a.AbsoluteMinimum is not null || a.Maximum is not null || a.EarliestRecommended is not null));
    }
}
