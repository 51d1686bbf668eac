using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>Hand-made JWTs, for checking what the app refuses.</summary>
public static class TestTokens
{
    public static string Mint(SecurityKey key, string algorithm, IDictionary<string, object> claims,
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null)
    {
        var now = DateTimeOffset.UtcNow;
        var nbf = notBefore ?? now.AddSeconds(-5);
        var exp = expires ?? now.AddMinutes(15);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = nbf.UtcDateTime,
            NotBefore = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>The claims the built-in issuer puts in its access tokens.</summary>
    public static Dictionary<string, object> BuiltIn(string userId, string issuer = "upnest", string audience = "upnest-api") => new()
    {
        ["iss"] = issuer,
        ["aud"] = audience,
        ["sub"] = userId,
        ["jti"] = Guid.NewGuid().ToString("N"),
    };

    /// <summary>An unsigned token: header {"alg":"none"}, an empty signature.</summary>
    public static string Unsigned(IDictionary<string, object> claims, string? kid = null)
    {
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }
        var payload = new Dictionary<string, object>(claims)
        {
            ["iat"] = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds(),
            ["nbf"] = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds(),
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds(),
        };
        return Encode(header) + "." + Encode(payload) + ".";
    }

    public static JsonElement Header(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement.Clone();

    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement.Clone();

    private static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
