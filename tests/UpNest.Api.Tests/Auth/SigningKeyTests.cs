using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UpNest.Api.Auth;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

public sealed class SigningKeyTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<JsonArray> JwksAsync(UpNestFactory factory)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["keys"]!.AsArray();
    }

    private static string Kid(string token) => TestTokens.Header(token).GetProperty("kid").GetString()!;

    [Fact]
    public async Task The_jwks_publishes_the_public_key_that_signed_the_access_token()
    {
        var user = await _factory.SignUpAsync();

        var keys = await JwksAsync(_factory);

        var jwk = Assert.Single(keys, k => k!["kid"]!.GetValue<string>() == Kid(user.AccessToken))!;
        Assert.Equal("RSA", jwk["kty"]!.GetValue<string>());
        Assert.Equal("RS256", jwk["alg"]!.GetValue<string>());
        Assert.Equal("sig", jwk["use"]!.GetValue<string>());
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            Assert.False(jwk.AsObject().ContainsKey(secret), $"The JWKS leaks the private parameter {secret}.");
        }

        // Anyone holding only the published key can verify the token.
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(jwk["n"]!.GetValue<string>()),
            Exponent = Base64UrlEncoder.DecodeBytes(jwk["e"]!.GetValue<string>()),
        });
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(user.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "upnest",
            ValidAudience = "upnest-api",
            IssuerSigningKey = new RsaSecurityKey(rsa) { KeyId = jwk["kid"]!.GetValue<string>() },
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task After_rotation_old_tokens_still_work_and_new_tokens_use_the_new_key()
    {
        var user = await _factory.SignUpAsync();
        var ring = _factory.Services.GetRequiredService<SigningKeyRing>();
        var oldKid = Kid(user.AccessToken);

        await ring.RotateAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/v1/me")).StatusCode);
        using var anonymous = _factory.CreateClient();
        var (fresh, _) = await TestUsers.LoginAsync(anonymous, user.Email, user.Password);
        Assert.NotEqual(oldKid, Kid(fresh));
        Assert.Equal(ring.SigningKey.KeyId, Kid(fresh));
        using var freshClient = _factory.ClientWithToken(fresh);
        Assert.Equal(HttpStatusCode.OK, (await freshClient.GetAsync("/v1/me")).StatusCode);
        var kids = (await JwksAsync(_factory)).Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Contains(oldKid, kids);
        Assert.Contains(Kid(fresh), kids);
    }

    [Fact]
    public async Task A_restart_logs_no_one_out()
    {
        var user = await _factory.SignUpAsync();
        var keysBefore = (await JwksAsync(_factory)).Select(k => k!["kid"]!.GetValue<string>()).ToList();
        await _factory.DisposeAsync();

        await using var restarted = _factory.Restarted();

        using var client = restarted.ClientWithToken(user.AccessToken);
        var me = await client.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await me.ReadJsonAsync()).Id());
        using var anonymous = restarted.CreateClient();
        var refresh = await anonymous.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var keysAfter = (await JwksAsync(restarted)).Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Equal(keysBefore, keysAfter);
    }

    [Fact]
    public async Task A_rotated_key_survives_a_restart_and_keeps_signing()
    {
        var user = await _factory.SignUpAsync();
        var ring = _factory.Services.GetRequiredService<SigningKeyRing>();
        await ring.RotateAsync(CancellationToken.None);
        var newKid = ring.SigningKey.KeyId;
        await _factory.DisposeAsync();

        await using var restarted = _factory.Restarted();

        using var anonymous = restarted.CreateClient();
        var (fresh, _) = await TestUsers.LoginAsync(anonymous, user.Email, user.Password);
        Assert.Equal(newKid, Kid(fresh));
        using var old = restarted.ClientWithToken(user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/v1/me")).StatusCode);
    }
}
