using System.Security.Cryptography;
using UpNest.Core.Common;

namespace UpNest.Core.Security;

/// <summary>Creates the built-in issuer's RS256 keys; the newest stored key signs, all of them verify.</summary>
public static class TokenSigningKeys
{
    public static async Task<StoredKey> AddNewAsync(IKeyStore keys, IIdGenerator ids, TimeProvider clock, CancellationToken ct)
    {
        using var rsa = RSA.Create(2048);
        var key = new StoredKey(KeyPurposes.TokenSigning, ids.NewId(), Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), clock.GetUtcNow());
        await keys.AddAsync(key, ct);
        return key;
    }
}
