namespace UpNest.Api.Http;

/// <summary>Endpoint metadata: a soft-deleted account may still call this route (read its profile, export, restore).</summary>
public sealed record AllowedWhileAccountDeleted;

/// <summary>Endpoint metadata: Idempotency-Key is ignored here (replaying tokens would defeat refresh-token rotation).</summary>
public sealed record NotIdempotent;

/// <summary>Endpoint metadata: the route signs a user in; logins and failed logins go on the account's chain.</summary>
public sealed record AuditsLogin;

public static class RouteFactExtensions
{
    public static TBuilder AllowWhileAccountDeleted<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowedWhileAccountDeleted());

    public static TBuilder ExcludeFromIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotIdempotent());

    public static TBuilder AuditLogins<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditsLogin());
}
