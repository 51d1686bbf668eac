using Microsoft.Extensions.Options;
using UpNest.Api.Hosting;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Api.Auth;

/// <summary>
/// Loads (or, for an external issuer, provisions) the caller's account, and enforces that a
/// soft-deleted account can only read its profile, export and restore.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next, IOptions<AuthOptions> auth)
{
    private static readonly HashSet<string> AllowedWhileDeleted = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET /v1/me", "GET /v1/me/export", "POST /v1/me/restore",
    };

    /// <summary>Whether a soft-deleted account may still call the route (else it answers 403).</summary>
    public static bool IsAllowedWhileDeleted(string method, string path) => AllowedWhileDeleted.Contains($"{method} {path.TrimEnd('/')}");

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
            if (user.DeletedAt is not null && !IsAllowedWhileDeleted(context.Request.Method, context.Request.Path.Value ?? string.Empty))
            {
                throw new ForbiddenException("This account is scheduled for deletion; restore it to continue.");
            }
            context.Features.Set(new CurrentUser(user));
        }
        await next(context);
    }
}
