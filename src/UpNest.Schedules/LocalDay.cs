namespace UpNest.Schedules;

/// <summary>
/// "Today" for a user: the engine never reads the clock itself, the caller passes a day.
/// This turns the host's injected <see cref="TimeProvider"/> into that day in the user's
/// time zone, so a dose turns overdue at the user's midnight, not UTC's.
/// </summary>
public static class LocalDay
{
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
