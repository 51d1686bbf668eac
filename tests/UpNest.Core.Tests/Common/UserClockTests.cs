using Microsoft.Extensions.Time.Testing;
using UpNest.Core.Common;

namespace UpNest.Core.Tests.Common;

public sealed class UserClockTests
{
    // 10:30 UTC on 10 March: already 11 March in Kiritimati (UTC+14), still 9 March in Honolulu (UTC-10).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 10, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Today_is_the_date_in_the_users_time_zone()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), UserClock.Today(_clock, "UTC"));
        Assert.Equal(new DateOnly(2026, 3, 11), UserClock.Today(_clock, "Pacific/Kiritimati"));
        Assert.Equal(new DateOnly(2026, 3, 10), UserClock.Today(_clock, "Pacific/Honolulu"));
    }

    [Fact]
    public void Just_after_midnight_utc_it_is_still_yesterday_in_honolulu()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 0, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 9), UserClock.Today(clock, "Pacific/Honolulu"));
        Assert.Equal(new DateOnly(2026, 3, 10), UserClock.Today(clock, "Etc/UTC"));
    }

    [Fact]
    public void Today_falls_back_to_utc_for_an_unknown_or_missing_zone()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), UserClock.Today(_clock, null));
        Assert.Equal(new DateOnly(2026, 3, 10), UserClock.Today(_clock, "Mars/Olympus_Mons"));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Kiritimati")]
    public void Iana_zone_ids_are_accepted(string id) => Assert.True(UserClock.TryFindZone(id, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Eastern Standard Time")]
    public void Unknown_blank_and_windows_zone_ids_are_refused(string? id) => Assert.False(UserClock.TryFindZone(id, out _));

    [Fact]
    public void A_zone_id_longer_than_64_characters_is_refused() => Assert.False(UserClock.TryFindZone(new string('A', 65), out _));
}
