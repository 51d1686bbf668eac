using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Tests;

public class ScheduleCatalogTests
{
    [Theory]
    [InlineData(null, "US")]
    [InlineData("", "US")]
    [InlineData("US", "US")]
    [InlineData("us", "US")]
    [InlineData("PR", "US")]
    [InlineData("GB", "UK")]
    [InlineData("UK", "UK")]
    [InlineData(" gb ", "UK")]
    [InlineData("JE", "UK")]
    [InlineData("KE", "WHO")]
    [InlineData("FR", "WHO")]
    [InlineData("IN", "WHO")]
    public void Country_maps_to_a_schedule(string? country, string expected)
    {
        Assert.Equal(expected, ScheduleCatalog.ForCountry(country).Id);
    }

    [Theory]
    [InlineData("US", "CDC/ACIP 2025 (CDSi 4.64)")]
    [InlineData("GB", "UK NHS routine schedule from 1 Jan 2026")]
    [InlineData("DE", "WHO summary tables Jan 2025")]
    public void Schedules_name_their_version(string country, string name)
    {
        Assert.Equal(name, ScheduleCatalog.ForCountry(country).Name);
        Assert.False(string.IsNullOrWhiteSpace(ScheduleCatalog.ForCountry(country).Attribution));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("U")]
    [InlineData("United States")]
    public void Text_that_is_no_country_code_is_rejected(string country)
    {
        Assert.Throws<ArgumentException>(() => ScheduleCatalog.ForCountry(country));
    }

    [Fact]
    public void Live_vaccine_spacing_is_28_days_from_CDSi()
    {
        Assert.Equal(28, ScheduleCatalog.LiveVaccineSpacingDays);
    }
}
