namespace UpNest.Core.Users;

/// <summary>Storage port for accounts (QP1, QP2).</summary>
public interface IUserStore
{
    /// <summary>QP1: the profile by id, soft-deleted ones included.</summary>
    Task<User?> GetAsync(string userId, CancellationToken ct);

    /// <summary>QP2: the profile by normalized email.</summary>
    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken ct);

    /// <summary>Creates the user; <see cref="Common.ConflictException"/> when the id or email is taken.</summary>
    Task CreateAsync(User user, CancellationToken ct);

    /// <summary>
    /// Replaces the user when its stored version equals <paramref name="expectedVersion"/>,
    /// storing version + 1; <see cref="Common.PreconditionFailedException"/> otherwise.
    /// </summary>
    Task<User> UpdateAsync(User user, long expectedVersion, CancellationToken ct);

    /// <summary>Users soft-deleted before the cutoff, for the purge job.</summary>
    Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct);

    /// <summary>Removes the user and everything kept under it (sessions, idempotency records).</summary>
    Task PurgeAsync(string userId, CancellationToken ct);
}
