using System.Security.Claims;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Api.Auth;

/// <summary>The authenticated caller's account, loaded once per request (QP1).</summary>
public sealed record CurrentUser(User User)
{
    public string Id => User.Id;

    /// <summary>Bound as a handler parameter; the middleware below has put it in place.</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<CurrentUser?>(context.Features.Get<CurrentUser>() ?? throw new UnauthorizedException("Sign in first."));

    /// <summary>Local user id for a token: the built-in issuer's sub, or a stable id derived from issuer + sub.</summary>
    public static string? UserIdFor(ClaimsPrincipal principal, bool external)
    {
        var sub = principal.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(sub))
        {
            return null;
        }
        if (!external)
        {
            return sub;
        }
        var issuer = principal.FindFirst("iss")?.Value ?? string.Empty;
        return "oidc-" + Hashing.Sha256Hex(issuer + "|" + sub)[..26];
    }
}
