using UpNest.Core.Users;

namespace UpNest.Api.Contracts;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

public sealed record UserResponse(
    string Id, string? Email, string DisplayName, string TimeZone, string Units, string? Country, string? Locale,
    DateTimeOffset CreatedAt, long Version, DateTimeOffset? DeletedAt)
{
    public static UserResponse From(User u) =>
        new(u.Id, u.Email, u.DisplayName, u.TimeZone, ApiNames.Name(u.Units), u.Country, u.Locale, u.CreatedAt, u.Version, u.DeletedAt);
}

/// <summary>PATCH /v1/me body, for the OpenAPI document (the handler reads it field by field).</summary>
public sealed record ProfilePatchRequest(string? DisplayName, string? TimeZone, string? Units, string? Country, string? Locale);
