namespace UpNest.Core.Security;

/// <summary>
/// Key material the service must keep across restarts and share between instances:
/// token-signing keys, the cursor HMAC key, Data Protection keys. Kept with the store.
/// </summary>
public sealed record StoredKey(string Purpose, string KeyId, string Material, DateTimeOffset CreatedAt);

public interface IKeyStore
{
    /// <summary>All keys of a purpose, oldest first.</summary>
    Task<IReadOnlyList<StoredKey>> ListAsync(string purpose, CancellationToken ct);

    /// <summary>Adds a key; a key with the same purpose and id is left as it is (first writer wins).</summary>
    Task AddAsync(StoredKey key, CancellationToken ct);
}

public static class KeyPurposes
{
    public const string TokenSigning = "jwt";
    public const string CursorSigning = "cursor";
    public const string DataProtection = "dataprotection";
}
