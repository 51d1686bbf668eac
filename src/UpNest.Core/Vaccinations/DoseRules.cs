using System.Text.RegularExpressions;
using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Vaccinations;

/// <summary>What a plausible dose record looks like; errors name the client's fields.</summary>
public static partial class DoseRules
{
    public static void RequireWriter(BabyAccess access)
    {
        if (!access.CanWrite)
        {
            throw new ForbiddenException("Viewers can read records but not change them.");
        }
    }

    /// <summary>A key outside the schedule becomes part of the dose id, so it is kept to URL-safe characters.</summary>
    public static bool IsVaccineKey(string text) => VaccineKey().IsMatch(text);

    public static void ValidateGiven(DoseGiven given, Baby baby, DateOnly today, ValidationErrors errors)
    {
        if (given.GivenOn < baby.DateOfBirth)
        {
            errors.Add("givenOn", "A dose cannot be given before the date of birth.");
        }
        if (given.GivenOn > today)
        {
            errors.Add("givenOn", "A dose cannot be recorded in the future.");
        }
        if (given.Cvx is { } cvx && !Cvx().IsMatch(cvx))
        {
            errors.Add("cvx", "A CVX code is 1 to 3 digits, e.g. 08 or 110.");
        }
        if (given.Note is { Length: > 2000 })
        {
            errors.Add("note", "A note can have at most 2000 characters.");
        }
    }

    public static void ValidateReaction(ReactionInput input, ValidationErrors errors)
    {
        if (input.Type is null)
        {
            errors.Add("type", "The type of reaction is required.");
        }
        if (input.Severity is null)
        {
            errors.Add("severity", "The severity is required (mild, moderate or severe).");
        }
        if (input.OnsetHours is { } onset && onset is < 0 or > 720)
        {
            errors.Add("onsetHours", "Must be between 0 and 720 hours after the dose.");
        }
        if (input.DurationHours is { } duration && duration is < 0 or > 8760)
        {
            errors.Add("durationHours", "Must be between 0 and 8760 hours.");
        }
        if (input.Note is { Length: > 2000 })
        {
            errors.Add("note", "A note can have at most 2000 characters.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex VaccineKey();

    [GeneratedRegex("^[0-9]{1,3}$")]
    private static partial Regex Cvx();
}
