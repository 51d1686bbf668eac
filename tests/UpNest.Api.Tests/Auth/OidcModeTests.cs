using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

/// <summary>Auth:Mode=Oidc against a real issuer served over HTTP, Cognito style.</summary>
public sealed class OidcModeTests : IAsyncLifetime
{
    private FakeOidcIssuer _issuer = null!;
    private UpNestFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeOidcIssuer.StartAsync();
        _factory = new UpNestFactory(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Oidc",
            ["Auth:Authority"] = _issuer.Authority,
            ["Auth:ClientId"] = "abc",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private Task<HttpResponseMessage> GetMeAsync(string token) => _factory.ClientWithToken(token).GetAsync("/v1/me");

    [Fact]
    public async Task A_valid_access_token_is_accepted_and_provisions_the_user_once()
    {
        var sub = Guid.NewGuid().ToString();

        var first = await GetMeAsync(_issuer.Mint(_issuer.AccessTokenClaims(sub)));
        var second = await GetMeAsync(_issuer.Mint(_issuer.AccessTokenClaims(sub)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (a, b) = (await first.ReadJsonAsync(), await second.ReadJsonAsync());
        Assert.Equal(a.Id(), b.Id());
        Assert.Equal(a["createdAt"]!.ToJsonString(), b["createdAt"]!.ToJsonString());
        Assert.True(_issuer.DiscoveryRequests > 0, "The app never read the discovery document.");
    }

    [Fact]
    public async Task A_provisioned_user_can_keep_records()
    {
        using var client = _factory.ClientWithToken(_issuer.Mint(_issuer.AccessTokenClaims(Guid.NewGuid().ToString())));

        var created = await client.PostAsJsonAsync("/v1/babies", new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var list = await client.GetJsonAsync("/v1/babies");
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Different_subjects_are_different_users()
    {
        var a = await (await GetMeAsync(_issuer.Mint(_issuer.AccessTokenClaims("sub-a-" + Guid.NewGuid())))).ReadJsonAsync();
        var b = await (await GetMeAsync(_issuer.Mint(_issuer.AccessTokenClaims("sub-b-" + Guid.NewGuid())))).ReadJsonAsync();

        Assert.NotEqual(a.Id(), b.Id());
    }

    [Fact]
    public async Task An_id_token_is_401()
    {
        var claims = _issuer.AccessTokenClaims(Guid.NewGuid().ToString());
        claims["token_use"] = "id";
        claims.Remove("client_id");
        claims["aud"] = "abc";

        await (await GetMeAsync(_issuer.Mint(claims))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_client_is_401() =>
        await (await GetMeAsync(_issuer.Mint(_issuer.AccessTokenClaims(Guid.NewGuid().ToString(), clientId: "other"))))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_without_client_id_or_audience_is_401()
    {
        var claims = _issuer.AccessTokenClaims(Guid.NewGuid().ToString());
        claims.Remove("client_id");

        await (await GetMeAsync(_issuer.Mint(claims))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var claims = _issuer.AccessTokenClaims(Guid.NewGuid().ToString());
        claims["iss"] = _issuer.Authority.Replace("TestPool", "OtherPool", StringComparison.Ordinal);

        await (await GetMeAsync(_issuer.Mint(claims))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401() =>
        await (await GetMeAsync(_issuer.Mint(_issuer.AccessTokenClaims(Guid.NewGuid().ToString()),
            notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddHours(-1))))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_signed_by_a_key_the_issuer_does_not_publish_is_401()
    {
        using var rsa = RSA.Create(2048);
        var token = TestTokens.Mint(new RsaSecurityKey(rsa) { KeyId = _issuer.Key.KeyId }, SecurityAlgorithms.RsaSha256,
            _issuer.AccessTokenClaims(Guid.NewGuid().ToString()));

        await (await GetMeAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_token_is_401() =>
        await (await GetMeAsync(TestTokens.Unsigned(_issuer.AccessTokenClaims(Guid.NewGuid().ToString()), _issuer.Key.KeyId)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task The_built_in_identity_routes_are_not_there()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/v1/auth/register",
            new { email = "parent@example.com", password = TestUsers.Password, displayName = "Sam" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/v1/auth/login",
            new { email = "parent@example.com", password = TestUsers.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = "a.b.c" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/.well-known/jwks.json")).StatusCode);
    }
}
