using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UpNest.Core.Common;
using UpNest.Core.Security;

namespace UpNest.Api.Http;

/// <summary>
/// Turns a store's continuation token into an opaque cursor bound to the route, the subject
/// (user or baby) and the filters, signed with HMAC-SHA256. Anything altered or reused
/// elsewhere is a 400, never a read of another partition.
/// </summary>
public sealed class CursorProtector(IKeyStore keys, IIdGenerator ids, TimeProvider clock)
{
    private byte[] _key = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        var stored = await keys.ListAsync(KeyPurposes.CursorSigning, ct);
        if (stored.Count == 0)
        {
            await keys.AddAsync(new StoredKey(KeyPurposes.CursorSigning, "cursor-1", ids.NewSecret(32), clock.GetUtcNow()), ct);
            stored = await keys.ListAsync(KeyPurposes.CursorSigning, ct);
        }
        // First writer wins, so every instance converges on the same key.
        Base64Url.TryDecode(stored[0].Material, out _key);
    }

    public string? Protect(string? after, CursorScope scope)
    {
        if (after is null)
        {
            return null;
        }
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { scope.Route, scope.Subject, scope.Filters, after }));
        return Base64Url.Encode(payload) + "." + Base64Url.Encode(HMACSHA256.HashData(_key, payload));
    }

    public string? Unprotect(string? cursor, CursorScope scope)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        var parts = cursor.Split('.');
        if (parts.Length == 2 && Base64Url.TryDecode(parts[0], out var payload) && Base64Url.TryDecode(parts[1], out var mac)
            && CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            var fields = JsonSerializer.Deserialize<string[]>(payload);
            if (fields is [var route, var subject, var filters, var after]
                && route == scope.Route && subject == scope.Subject && filters == scope.Filters)
            {
                return after;
            }
        }
        throw new ValidationException("cursor", "The cursor is not valid for this request.");
    }
}

/// <summary>What a cursor is bound to.</summary>
public readonly record struct CursorScope(string Route, string Subject, string Filters);
