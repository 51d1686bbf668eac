namespace UpNest.Core.Users;

/// <summary>
/// One refresh-token family. The client holds "userId.familyId.secret"; only hashes are stored.
/// Each refresh replaces <see cref="CurrentTokenHash"/> and remembers the old one, so a replayed
/// old token is recognised as reuse and revokes the family.
/// </summary>
public sealed record RefreshSession
{
    public required string UserId { get; init; }
    public required string FamilyId { get; init; }
    public required string CurrentTokenHash { get; init; }
    public IReadOnlyList<string> PreviousTokenHashes { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public long Version { get; init; } = 1;
}

/// <summary>Storage port for refresh-token families (kept with the user).</summary>
public interface ISessionStore
{
    Task CreateAsync(RefreshSession session, CancellationToken ct);

    Task<RefreshSession?> GetAsync(string userId, string familyId, CancellationToken ct);

    /// <summary>Replaces the session if its version still matches; <see cref="Common.PreconditionFailedException"/> otherwise.</summary>
    Task ReplaceAsync(RefreshSession session, long expectedVersion, CancellationToken ct);

    /// <summary>Revokes every live family of the user (logout everywhere, account deletion).</summary>
    Task RevokeAllAsync(string userId, DateTimeOffset at, CancellationToken ct);
}
