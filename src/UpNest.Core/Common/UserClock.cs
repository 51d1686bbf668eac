namespace UpNest.Core.Common;

/// <summary>Dates as a user lives them: "today" and "the future" are judged in the user's time zone.</summary>
public static class UserClock
{
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            // Windows ids would resolve too on some hosts; accept IANA ids only.
            return zone.HasIanaId || string.Equals(id, "UTC", StringComparison.Ordinal);
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static DateOnly Today(TimeProvider clock, string? timeZoneId)
    {
        var zone = TryFindZone(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
