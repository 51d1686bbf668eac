using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using UpNest.Core.Common;
using UpNest.Core.Security;

namespace UpNest.Api.Auth;

/// <summary>
/// The built-in issuer's RSA keys, kept in the store so a restart logs no one out and every
/// instance signs alike. The newest key signs; all stored keys verify (rotation without logout).
/// </summary>
public sealed class SigningKeyRing(IKeyStore keys, IIdGenerator ids, TimeProvider clock)
{
    public const string Issuer = "upnest";
    public const string Audience = "upnest-api";
    private volatile List<RsaSecurityKey> _keys = [];
    private DateTimeOffset _loadedAt;

    public RsaSecurityKey SigningKey => _keys.Count > 0 ? _keys[^1] : throw new InvalidOperationException("Signing keys are not loaded.");

    public IReadOnlyList<RsaSecurityKey> ValidationKeys
    {
        get
        {
            // Other instances may rotate: re-read now and then, off the request path.
            if (clock.GetUtcNow() - _loadedAt > TimeSpan.FromMinutes(5))
            {
                _loadedAt = clock.GetUtcNow();
                _ = Task.Run(() => LoadAsync(CancellationToken.None));
            }
            return _keys;
        }
    }

    public async Task LoadAsync(CancellationToken ct)
    {
        var stored = await keys.ListAsync(KeyPurposes.TokenSigning, ct);
        if (stored.Count == 0)
        {
            await RotateAsync(ct);
            return;
        }
        _keys = stored.Select(ToKey).ToList();
        _loadedAt = clock.GetUtcNow();
    }

    /// <summary>Adds a fresh key that signs from now on; older keys keep verifying tokens they signed.</summary>
    public async Task RotateAsync(CancellationToken ct)
    {
        await TokenSigningKeys.AddNewAsync(keys, ids, clock, ct);
        var stored = await keys.ListAsync(KeyPurposes.TokenSigning, ct);
        _keys = stored.Select(ToKey).ToList();
        _loadedAt = clock.GetUtcNow();
    }

    private static RsaSecurityKey ToKey(StoredKey stored)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.Material), out _);
        return new RsaSecurityKey(rsa) { KeyId = stored.KeyId };
    }
}
