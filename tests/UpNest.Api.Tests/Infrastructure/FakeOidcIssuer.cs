using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>
/// A real OIDC issuer over real HTTP (Kestrel on 127.0.0.1, a free port): a Cognito-style
/// discovery document and JWKS, and an RSA key generated here that signs its tokens.
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    public const string PoolPath = "/us-east-1_TestPool";
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);

    private FakeOidcIssuer(WebApplication app) => _app = app;

    public RsaSecurityKey Key { get; private set; } = null!;

    /// <summary>The issuer URL, as Cognito's: scheme, host and user-pool path, no trailing slash.</summary>
    public string Authority { get; private set; } = null!;

    public int DiscoveryRequests { get; private set; }

    public static async Task<FakeOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var issuer = new FakeOidcIssuer(app);
        issuer.Key = new RsaSecurityKey(issuer._rsa) { KeyId = "test-key-1" };

        app.MapGet(PoolPath + "/.well-known/openid-configuration", () =>
        {
            issuer.DiscoveryRequests++;
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer.Authority,
                ["jwks_uri"] = issuer.Authority + "/.well-known/jwks.json",
                ["authorization_endpoint"] = issuer.Authority + "/oauth2/authorize",
                ["token_endpoint"] = issuer.Authority + "/oauth2/token",
                ["response_types_supported"] = new[] { "code", "token" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet(PoolPath + "/.well-known/jwks.json", () =>
        {
            var p = issuer._rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = issuer.Key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) },
                },
            });
        });

        await app.StartAsync();
        issuer.Authority = app.Urls.Single().TrimEnd('/') + PoolPath;
        return issuer;
    }

    /// <summary>Claims of a Cognito access token for the app client.</summary>
    public Dictionary<string, object> AccessTokenClaims(string sub, string clientId = "abc") => new()
    {
        ["iss"] = Authority,
        ["sub"] = sub,
        ["client_id"] = clientId,
        ["token_use"] = "access",
        ["scope"] = "openid email",
        ["username"] = sub,
        ["jti"] = Guid.NewGuid().ToString("N"),
    };

    public string Mint(IDictionary<string, object> claims, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null) =>
        TestTokens.Mint(Key, SecurityAlgorithms.RsaSha256, claims, notBefore, expires);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
