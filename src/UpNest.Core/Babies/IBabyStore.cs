using UpNest.Core.Common;

namespace UpNest.Core.Babies;

/// <summary>Storage port for babies and their access grants (QP3, QP4).</summary>
public interface IBabyStore
{
    /// <summary>Creates the baby and its owner grant atomically.</summary>
    Task CreateAsync(Baby baby, AccessGrant ownerGrant, CancellationToken ct);

    /// <summary>
    /// QP4: the baby and the user's grant (null grant when the user has none). Soft-deleted babies
    /// are returned too, so restore can find them. Only the authorizer calls this.
    /// </summary>
    Task<BabyWithGrant?> GetWithGrantAsync(string babyId, string userId, CancellationToken ct);

    /// <summary>QP3: babies the user holds a grant for, not soft-deleted, ordered by baby id.</summary>
    Task<Page<BabyWithRole>> ListForUserAsync(string userId, PageRequest page, CancellationToken ct);

    /// <summary>Replaces the baby if its version matches (else 412), storing version + 1.</summary>
    Task<Baby> UpdateAsync(BabyAccess access, Baby baby, long expectedVersion, CancellationToken ct);

    /// <summary>Every grant of the baby, owners first.</summary>
    Task<IReadOnlyList<AccessGrant>> ListGrantsAsync(BabyAccess access, CancellationToken ct);

    /// <summary>Adds or replaces a grant.</summary>
    Task PutGrantAsync(BabyAccess access, AccessGrant grant, CancellationToken ct);

    Task RemoveGrantAsync(BabyAccess access, string userId, CancellationToken ct);

    /// <summary>Babies soft-deleted before the cutoff, for the purge job.</summary>
    Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct);

    /// <summary>Removes the baby, its grants and every record kept under it.</summary>
    Task PurgeAsync(BabyAccess access, CancellationToken ct);
}
