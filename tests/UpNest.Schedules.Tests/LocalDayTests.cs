using Microsoft.Extensions.Time.Testing;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Tests;

public class LocalDayTests
{
    private static readonly TimeZoneInfo NewYorkWinter =
        TimeZoneInfo.CreateCustomTimeZone("UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");

    [Fact]
    public void A_dose_turns_overdue_at_the_user_s_midnight_as_the_clock_moves()
    {
        var birth = new DateOnly(2025, 1, 1);
        var hepB2 = VaccinationPlanner.Plan(birth, "US").Single(p => p is { Vaccine: "HepB", DoseNumber: 2 });
        var overdueOn = hepB2.OverdueOn!.Value; // 2025-04-30

        // 03:00 UTC on the overdue day is still the evening before in UTC-5.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 30, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(overdueOn, LocalDay.Today(clock, TimeZoneInfo.Utc));
        Assert.Equal(DoseStatus.Due, DoseStatusCalculator.StatusOn(hepB2, LocalDay.Today(clock, NewYorkWinter)));

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(DoseStatus.Overdue, DoseStatusCalculator.StatusOn(hepB2, LocalDay.Today(clock, NewYorkWinter)));
    }
}
