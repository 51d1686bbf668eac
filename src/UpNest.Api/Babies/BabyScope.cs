using UpNest.Api.Auth;
using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Api.Babies;

/// <summary>Endpoint metadata: the least role a route needs (default: viewer to read, caregiver to write).</summary>
public sealed record RequiresRole(Role Role);

/// <summary>Endpoint metadata: the route also works on a soft-deleted baby (restore).</summary>
public sealed record AllowsDeletedBaby;

/// <summary>
/// A handler parameter that can only be bound by passing the one authorization path: it reads
/// {babyId} from the route and asks <see cref="BabyAuthorizer"/> for an access proof.
/// </summary>
public sealed class BabyScope
{
    private BabyScope(BabyAccess access) => Access = access;

    public BabyAccess Access { get; }

    public Baby Baby => Access.Baby;

    public static async ValueTask<BabyScope?> BindAsync(HttpContext context) => new(await AuthorizeAsync(context));

    /// <summary>
    /// The one check for this request, done once: the audit middleware asks first (to know whether
    /// the caller may see the baby before writing anything on its chain) and the handler's binding
    /// reuses the answer, so the baby and the grant are read once per request.
    /// </summary>
    public static async ValueTask<BabyAccess> AuthorizeAsync(HttpContext context)
    {
        if (context.Features.Get<CheckedAccess>() is { } done)
        {
            return done.Access ?? throw done.Failure!;
        }
        try
        {
            var access = await CheckAsync(context);
            context.Features.Set(new CheckedAccess(access, null));
            return access;
        }
        catch (DomainException e) when (e is NotFoundException or ForbiddenException)
        {
            context.Features.Set(new CheckedAccess(null, e));
            throw;
        }
    }

    private static async Task<BabyAccess> CheckAsync(HttpContext context)
    {
        var user = context.Features.Get<CurrentUser>() ?? throw new UnauthorizedException("Sign in first.");
        if (context.Request.RouteValues["babyId"] is not string babyId || babyId.Length is 0 or > 64)
        {
            throw new NotFoundException("baby");
        }
        var endpoint = context.GetEndpoint();
        var method = context.Request.Method;
        var minimum = endpoint?.Metadata.GetMetadata<RequiresRole>()?.Role
            ?? (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Role.Viewer : Role.Caregiver);
        var includeDeleted = endpoint?.Metadata.GetMetadata<AllowsDeletedBaby>() is not null;
        var authorizer = context.RequestServices.GetRequiredService<BabyAuthorizer>();
        return await authorizer.AuthorizeAsync(user.Id, babyId, minimum, context.RequestAborted, includeDeleted);
    }

    private sealed record CheckedAccess(BabyAccess? Access, DomainException? Failure);
}

public static class BabyScopeEndpointExtensions
{
    public static TBuilder RequireBabyRole<TBuilder>(this TBuilder builder, Role role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresRole(role));

    public static TBuilder AllowDeletedBaby<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowsDeletedBaby());
}
