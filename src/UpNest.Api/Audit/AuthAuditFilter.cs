using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Contracts;
using UpNest.Core.Accounts;
using UpNest.Core.Audit;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Api.Http;

namespace UpNest.Api.Audit;

/// <summary>
/// Audits the sign-in routes: logins, failed logins and refresh-token reuse, each on the
/// account's own chain (subject = user id). A failed login for an unknown email records
/// nothing: there is no account to attach it to, and the email itself is never stored.
/// </summary>
public sealed class AuthAuditFilter(AuditTrail trail, IUserStore users) : IEndpointFilter
{
    /// <summary>The actor of a failed login: whoever typed the password is not known to be the user.</summary>
    public const string AnonymousActor = "anonymous";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var isLogin = http.GetEndpoint()?.Metadata.GetMetadata<AuditsLogin>() is not null;
        try
        {
            var result = await next(context);
            if (isLogin && result is Ok<TokenResponse> { Value: { } tokens } && RefreshToken.TryParse(tokens.RefreshToken, out var token))
            {
                await RecordAsync(http, token.UserId, token.UserId, AuditActions.AuthLogin, AuditOutcomes.Success);
            }
            return result;
        }
        catch (RefreshTokenReuseException reuse)
        {
            await RecordAsync(http, reuse.UserId, reuse.UserId, AuditActions.AuthRefreshReuse, AuditOutcomes.Denied);
            throw;
        }
        catch (UnauthorizedException) when (isLogin)
        {
            var email = context.Arguments.OfType<LoginRequest>().FirstOrDefault()?.Email;
            var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(Emails.Normalize(email), http.RequestAborted);
            if (user is not null)
            {
                await RecordAsync(http, user.Id, AnonymousActor, AuditActions.AuthLoginFailed, AuditOutcomes.Failed);
            }
            throw;
        }
    }

    private Task RecordAsync(HttpContext http, string subject, string actor, string action, string outcome) =>
        AuditRecording.RecordAsync(trail, new AuditEntry(subject, actor, action, $"user:{subject}", outcome,
            http.TraceIdentifier, http.Connection.RemoteIpAddress?.ToString()), http.RequestAborted);
}
