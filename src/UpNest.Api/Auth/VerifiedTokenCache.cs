using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UpNest.Api.Auth;

/// <summary>
/// Verifies an access token's signature once, then trusts the result until the token expires:
/// an app sends the same token for its whole 15-minute life, and checking an RSA or ECDSA
/// signature on every request costs more than the rest of a small read. Entries are keyed by the
/// token's SHA-256 (the token itself is never kept), expire with the token, and the cache starts
/// over when it reaches its bound. Only successful validations are kept: a bad token is checked
/// in full every time.
/// </summary>
public sealed class VerifiedTokenCache(TimeProvider clock, int capacity = 50_000) : TokenHandler
{
    private readonly JsonWebTokenHandler _inner = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, Entry> _verified = new(StringComparer.Ordinal);

    public int Count => _verified.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = Key(token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_verified.TryGetValue(key, out var hit))
        {
            if (hit.ExpiresAt > now)
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = hit.Result.ClaimsIdentity.Clone(),
                    SecurityToken = hit.Result.SecurityToken,
                    Issuer = hit.Result.Issuer,
                    TokenType = hit.Result.TokenType,
                };
            }
            _verified.TryRemove(key, out _);
        }
        var result = await _inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            if (_verified.Count >= capacity)
            {
                _verified.Clear();
            }
            // The lifetime check allows for clock skew; the cache does not extend a token by it.
            _verified[key] = new Entry(result, validated.ValidTo);
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => _inner.ReadToken(token);

    private static string Key(string token)
    {
        Span<byte> hash = stackalloc byte[32];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var bytes = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, bytes);
        SHA256.HashData(bytes[..written], hash);
        return Convert.ToBase64String(hash);
    }

    private sealed record Entry(TokenValidationResult Result, DateTime ExpiresAt);
}
