using System.Text.RegularExpressions;
using UpNest.Core.Common;

namespace UpNest.Core.Users;

public sealed record ProfilePatch
{
    public Optional<string> DisplayName { get; init; }
    public Optional<string> TimeZone { get; init; }
    public Optional<Units?> Units { get; init; }
    public Optional<string> Country { get; init; }
    public Optional<string> Locale { get; init; }
}

/// <summary>The caller's own profile; provisioning of users from an external issuer.</summary>
public sealed partial class ProfileService(IUserStore users, TimeProvider clock)
{
    public async Task<User> GetAsync(string userId, CancellationToken ct) =>
        await users.GetAsync(userId, ct) ?? throw new NotFoundException("user");

    public async Task<User> UpdateAsync(string userId, ProfilePatch patch, long? expectedVersion, CancellationToken ct)
    {
        var user = await GetAsync(userId, ct);
        if (expectedVersion is { } v && v != user.Version)
        {
            throw new PreconditionFailedException();
        }
        var errors = new ValidationErrors();
        var name = patch.DisplayName.Or(user.DisplayName)?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("displayName", "A display name of 1 to 100 characters is required.");
        }
        var zone = patch.TimeZone.Or(user.TimeZone) ?? "UTC";
        if (!UserClock.TryFindZone(zone, out _))
        {
            errors.Add("timeZone", "Use an IANA time zone id such as Europe/London or UTC.");
        }
        var units = patch.Units.IsSet ? patch.Units.Value : user.Units;
        if (units is null)
        {
            errors.Add("units", "Units must be metric or imperial.");
        }
        var country = patch.Country.Or(user.Country)?.Trim().ToUpperInvariant();
        if (country is not null && !CountryCode().IsMatch(country))
        {
            errors.Add("country", "Use a two-letter ISO 3166-1 country code such as US or GB.");
        }
        var locale = patch.Locale.Or(user.Locale)?.Trim();
        if (locale is not null && !LocaleTag().IsMatch(locale))
        {
            errors.Add("locale", "Use a language tag such as en-US.");
        }
        errors.ThrowIfAny();

        var updated = user with
        {
            DisplayName = name!,
            TimeZone = zone,
            Units = units!.Value,
            Country = country,
            Locale = locale,
            UpdatedAt = clock.GetUtcNow(),
        };
        if (updated with { UpdatedAt = user.UpdatedAt } == user)
        {
            return user;
        }
        return await users.UpdateAsync(updated, user.Version, ct);
    }

    /// <summary>Finds or creates the local user behind an external (OIDC) subject.</summary>
    public async Task<User> ProvisionExternalAsync(string userId, string externalSubject, string? email, string? name, CancellationToken ct)
    {
        if (await users.GetAsync(userId, ct) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = userId,
            ExternalSubject = externalSubject,
            Email = null,
            DisplayName = string.IsNullOrWhiteSpace(name) ? "Parent" : name.Trim()[..Math.Min(100, name.Trim().Length)],
            CreatedAt = now,
            UpdatedAt = now,
        };
        _ = email; // External emails are not unique keys here; the issuer owns them.
        try
        {
            await users.CreateAsync(user, ct);
            return user;
        }
        catch (ConflictException)
        {
            // Two first requests raced; the other one created the user.
            return await GetAsync(userId, ct);
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocaleTag();
}
