using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Contracts;
using UpNest.Api.OpenApi;
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
        }).WithName("register").WithSummary("Create an account").ProducesConflict();

        group.MapPost("/login", async Task<Ok<TokenResponse>> (LoginRequest body, AccountService accounts, AccessTokenIssuer tokens, CancellationToken ct) =>
        {
            var (user, refresh) = await accounts.LoginAsync(body.Email, body.Password, ct);
            return TypedResults.Ok(Tokens(tokens, user.Id, refresh));
        }).WithName("login").WithSummary("Sign in: an access token and a refresh token").ProducesProblem(StatusCodes.Status401Unauthorized)
            .AuditLogins();

        group.MapPost("/refresh", async Task<Ok<TokenResponse>> (RefreshRequest body, AccountService accounts, AccessTokenIssuer tokens, CancellationToken ct) =>
        {
            var (user, refresh, _) = await accounts.RefreshAsync(body.RefreshToken, ct);
            return TypedResults.Ok(Tokens(tokens, user.Id, refresh));
        }).WithName("refreshTokens").WithSummary("Trade a refresh token for a new pair (the old one dies)").ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/logout", async Task<NoContent> (RefreshRequest body, AccountService accounts, CancellationToken ct) =>
        {
            await accounts.LogoutAsync(body.RefreshToken, ct);
            return TypedResults.NoContent();
        }).WithName("logout").WithSummary("Sign out: revoke the refresh token's session").ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    private static TokenResponse Tokens(AccessTokenIssuer tokens, string userId, RefreshToken refresh) =>
        new(tokens.Issue(userId), refresh.ToString(), (int)AccessTokenIssuer.Lifetime.TotalSeconds, "Bearer");
}
