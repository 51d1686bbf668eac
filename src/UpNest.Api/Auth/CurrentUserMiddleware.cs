using Microsoft.Extensions.Options;
using UpNest.Api.Hosting;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Api.Http;

namespace UpNest.Api.Auth;

/// <summary>
/// Loads (or, for an external issuer, provisions) the caller's account, and enforces that a
/// soft-deleted account can only call the routes marked <see cref="AllowedWhileAccountDeleted"/>
/// (read its profile, export, restore).
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next, IOptions<AuthOptions> auth)
{
    public async Task InvokeAsync(HttpContext context, IUserStore users, ProfileService profiles)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var external = auth.Value.IsOidc;
            var userId = CurrentUser.UserIdFor(context.User, external) ?? throw new UnauthorizedException("The token has no subject.");
            var user = external
                ? await profiles.ProvisionExternalAsync(userId, context.User.FindFirst("iss")?.Value + "|" + context.User.FindFirst("sub")?.Value,
                    null, context.User.FindFirst("name")?.Value, context.RequestAborted)
                : await users.GetAsync(userId, context.RequestAborted);
            if (user is null)
            {
                throw new UnauthorizedException("The account no longer exists.");
            }
            if (user.DeletedAt is not null && context.GetEndpoint()?.Metadata.GetMetadata<AllowedWhileAccountDeleted>() is null)
            {
                throw new ForbiddenException("This account is scheduled for deletion; restore it to continue.");
            }
            context.Features.Set(new CurrentUser(user));
        }
        await next(context);
    }
}
