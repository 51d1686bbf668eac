using UpNest.Core.Accounts;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Core.Tests.Accounts;

/// <summary>In-memory ports with the same version and uniqueness rules as the real stores.</summary>
internal sealed class InMemoryUserStore : IUserStore
{
    public Dictionary<string, User> Users { get; } = new(StringComparer.Ordinal);

    public Task<User?> GetAsync(string userId, CancellationToken ct) => Task.FromResult(Users.GetValueOrDefault(userId));

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
        Task.FromResult(Users.Values.FirstOrDefault(u => u.Email == normalizedEmail));

    public Task CreateAsync(User user, CancellationToken ct)
    {
        if (Users.ContainsKey(user.Id) || (user.Email is not null && Users.Values.Any(u => u.Email == user.Email)))
        {
            throw new ConflictException("taken");
        }
        Users[user.Id] = user;
        return Task.CompletedTask;
    }

    public Task<User> UpdateAsync(User user, long expectedVersion, CancellationToken ct)
    {
        if (!Users.TryGetValue(user.Id, out var stored) || stored.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        var updated = user with { Version = expectedVersion + 1 };
        Users[user.Id] = updated;
        return Task.FromResult(updated);
    }

    public Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task PurgeAsync(string userId, CancellationToken ct)
    {
        Users.Remove(userId);
        return Task.CompletedTask;
    }
}

internal sealed class InMemorySessionStore : ISessionStore
{
    public Dictionary<(string UserId, string FamilyId), RefreshSession> Sessions { get; } = [];

    public Task CreateAsync(RefreshSession session, CancellationToken ct)
    {
        Sessions.Add((session.UserId, session.FamilyId), session);
        return Task.CompletedTask;
    }

    public Task<RefreshSession?> GetAsync(string userId, string familyId, CancellationToken ct) =>
        Task.FromResult(Sessions.GetValueOrDefault((userId, familyId)));

    public Task ReplaceAsync(RefreshSession session, long expectedVersion, CancellationToken ct)
    {
        var key = (session.UserId, session.FamilyId);
        if (!Sessions.TryGetValue(key, out var stored) || stored.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        Sessions[key] = session with { Version = expectedVersion + 1 };
        return Task.CompletedTask;
    }

    public Task RevokeAllAsync(string userId, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var (key, session) in Sessions.Where(s => s.Key.UserId == userId).ToList())
        {
            Sessions[key] = session with { RevokedAt = at, Version = session.Version + 1 };
        }
        return Task.CompletedTask;
    }
}

/// <summary>Not a real hash: readable, so tests can see what was stored; "old:" hashes ask for a rehash.</summary>
internal sealed class FakePasswordHasher : IPasswordHasher
{
    public string Hash(string password) => "new:" + password;

    public bool Verify(string hash, string password, out bool needsRehash)
    {
        needsRehash = hash.StartsWith("old:", StringComparison.Ordinal);
        return hash[4..] == password;
    }
}

internal sealed class SequentialIds : IIdGenerator
{
    private int _next;

    public string NewId() => $"id{++_next}";

    public string NewSecret(int bytes = 32) => $"secret{++_next}";
}
