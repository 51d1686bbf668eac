namespace UpNest.Core.Users;

/// <summary>The first response to a POST with an Idempotency-Key, replayed for repeats.</summary>
public sealed record IdempotencyRecord
{
    public required string UserId { get; init; }
    public required string Key { get; init; }

    /// <summary>Hash of method, path and body: the same key with another request is a 409.</summary>
    public required string RequestFingerprint { get; init; }

    public int StatusCode { get; init; }
    public string? Location { get; init; }
    public string? ContentType { get; init; }
    public byte[] Body { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>Storage port for idempotency records (kept with the user).</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> GetAsync(string userId, string key, CancellationToken ct);

    /// <summary>Adds the record unless one exists for the key; returns false when one did.</summary>
    Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken ct);
}
