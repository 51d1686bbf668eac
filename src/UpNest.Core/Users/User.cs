namespace UpNest.Core.Users;

public enum Units
{
    Metric,
    Imperial,
}

/// <summary>An account. Email is stored normalized (trimmed, lower-case); OIDC users may have none.</summary>
public sealed record User
{
    public required string Id { get; init; }
    public string? Email { get; init; }
    public string? PasswordHash { get; init; }
    public required string DisplayName { get; init; }
    public string TimeZone { get; init; } = "UTC";
    public Units Units { get; init; } = Units.Metric;
    public string? Country { get; init; }
    public string? Locale { get; init; }

    /// <summary>"issuer|sub" for users provisioned from an external OIDC issuer.</summary>
    public string? ExternalSubject { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; } = 1;

    /// <summary>Set while the account is soft-deleted; purged after the grace period.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
}
