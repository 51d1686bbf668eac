using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UpNest.Core.Common;

namespace UpNest.Api.Auth;

/// <summary>Mints the built-in issuer's 15-minute RS256 access tokens.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IIdGenerator ids, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SigningKeyRing.Issuer,
            Audience = SigningKeyRing.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("jti", ids.NewId())]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
