using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Contracts;
using UpNest.Core.Accounts;
using UpNest.Api.Http;

namespace UpNest.Api.Endpoints;

public static class AuthEndpoints
{
    public const string RateLimitPolicy = "auth";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimitPolicy).AllowAnonymous()
            .AddEndpointFilter<Audit.AuthAuditFilter>();
        group.ExcludeFromIdempotency();

        group.MapPost("/register", async Task<Created<UserResponse>> (RegisterRequest body, AccountService accounts, CancellationToken ct) =>
        {
            var user = await accounts.RegisterAsync(body.Email, body.Password, body.DisplayName, ct);
            return TypedResults.Created("/v1/me", UserResponse.From(user));
        });

        group.MapPost("/login", async Task<Ok<TokenResponse>> (LoginRequest body, AccountService accounts, AccessTokenIssuer tokens, CancellationToken ct) =>
        {
            var (user, refresh) = await accounts.LoginAsync(body.Email, body.Password, ct);
            return TypedResults.Ok(Tokens(tokens, user.Id, refresh));
        })
            .AuditLogins();

        group.MapPost("/refresh", async Task<Ok<TokenResponse>> (RefreshRequest body, AccountService accounts, AccessTokenIssuer tokens, CancellationToken ct) =>
        {
            var (user, refresh, _) = await accounts.RefreshAsync(body.RefreshToken, ct);
            return TypedResults.Ok(Tokens(tokens, user.Id, refresh));
        });

        group.MapPost("/logout", async Task<NoContent> (RefreshRequest body, AccountService accounts, CancellationToken ct) =>
        {
            await accounts.LogoutAsync(body.RefreshToken, ct);
            return TypedResults.NoContent();
        });

        return app;
    }

    private static TokenResponse Tokens(AccessTokenIssuer tokens, string userId, RefreshToken refresh) =>
        new(tokens.Issue(userId), refresh.ToString(), (int)AccessTokenIssuer.Lifetime.TotalSeconds, "Bearer");
}
