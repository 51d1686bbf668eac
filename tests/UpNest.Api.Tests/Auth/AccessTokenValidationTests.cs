using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using UpNest.Api.Auth;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

/// <summary>Every way a bearer token can be wrong gets a 401 problem, and no data.</summary>
public sealed class AccessTokenValidationTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly UpNestFactory _factory = app.Factory;
    private TestUser _user = null!;

    public async Task InitializeAsync() => _user = await _factory.SignUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private RsaSecurityKey AppKey => _factory.Services.GetRequiredService<SigningKeyRing>().SigningKey;

    private async Task AssertRefusedAsync(string? token)
    {
        using var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        var response = await client.GetAsync("/v1/me");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(_user.Id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_token_is_accepted_so_the_refusals_below_mean_something()
    {
        var response = await _user.Client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_user.Id, (await response.ReadJsonAsync()).Id());
    }

    [Fact]
    public async Task A_token_minted_in_the_test_with_the_apps_own_key_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK,
            (await _factory.ClientWithToken(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn(_user.Id))).GetAsync("/v1/me")).StatusCode);

    [Fact]
    public Task No_token_is_401() => AssertRefusedAsync(null);

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0")]
    public Task A_malformed_token_is_401(string token) => AssertRefusedAsync(token);

    [Fact]
    public Task A_token_signed_by_another_key_with_the_apps_key_id_is_401()
    {
        using var rsa = RSA.Create(2048);
        var impostor = new RsaSecurityKey(rsa) { KeyId = AppKey.KeyId };
        return AssertRefusedAsync(TestTokens.Mint(impostor, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn(_user.Id)));
    }

    [Fact]
    public Task A_real_token_with_a_tampered_payload_is_401()
    {
        var parts = _user.AccessToken.Split('.');
        var claims = TestTokens.Payload(_user.AccessToken).Deserialize<Dictionary<string, object>>()!;
        claims["sub"] = "someone-else";
        var forged = parts[0] + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims)) + "." + parts[2];
        return AssertRefusedAsync(forged);
    }

    [Fact]
    public Task An_unsigned_token_with_alg_none_is_401() =>
        AssertRefusedAsync(TestTokens.Unsigned(TestTokens.BuiltIn(_user.Id), AppKey.KeyId));

    [Fact]
    public Task An_hs256_token_keyed_with_the_public_key_is_401()
    {
        // Algorithm confusion: an attacker knows the public key and uses it as an HMAC secret.
        var publicKeyPem = Encoding.UTF8.GetBytes(AppKey.Rsa.ExportSubjectPublicKeyInfoPem());
        var hmac = new SymmetricSecurityKey(publicKeyPem) { KeyId = AppKey.KeyId };
        return AssertRefusedAsync(TestTokens.Mint(hmac, SecurityAlgorithms.HmacSha256, TestTokens.BuiltIn(_user.Id)));
    }

    [Fact]
    public Task An_hs256_token_keyed_with_the_jwks_modulus_is_401()
    {
        var modulus = AppKey.Rsa.ExportParameters(false).Modulus!;
        var hmac = new SymmetricSecurityKey(modulus) { KeyId = AppKey.KeyId };
        return AssertRefusedAsync(TestTokens.Mint(hmac, SecurityAlgorithms.HmacSha256, TestTokens.BuiltIn(_user.Id)));
    }

    [Fact]
    public Task A_token_signed_with_the_apps_key_but_rs512_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha512, TestTokens.BuiltIn(_user.Id)));

    [Fact]
    public Task A_token_signed_with_the_apps_key_but_ps256_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSsaPssSha256, TestTokens.BuiltIn(_user.Id)));

    [Fact]
    public Task An_expired_token_signed_with_the_apps_key_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn(_user.Id),
            notBefore: DateTimeOffset.UtcNow.AddMinutes(-30), expires: DateTimeOffset.UtcNow.AddMinutes(-2)));

    [Fact]
    public Task A_token_not_valid_yet_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn(_user.Id),
            notBefore: DateTimeOffset.UtcNow.AddMinutes(10), expires: DateTimeOffset.UtcNow.AddMinutes(25)));

    [Fact]
    public Task A_token_without_an_expiry_is_401()
    {
        var claims = TestTokens.BuiltIn(_user.Id);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }
            .CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = new SigningCredentials(AppKey, SecurityAlgorithms.RsaSha256) });
        return AssertRefusedAsync(token);
    }

    [Fact]
    public Task A_token_from_another_issuer_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn(_user.Id, issuer: "https://evil.example")));

    [Fact]
    public Task A_token_for_another_audience_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn(_user.Id, audience: "some-other-api")));

    [Fact]
    public Task A_valid_token_for_a_user_that_does_not_exist_is_401() =>
        AssertRefusedAsync(TestTokens.Mint(AppKey, SecurityAlgorithms.RsaSha256, TestTokens.BuiltIn("no-such-user")));

    [Fact]
    public async Task A_401_tells_the_client_to_use_a_bearer_token()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}
