using UpNest.Core.Common;
using UpNest.Core.Users;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    public async Task CreateAsync(RefreshSession session, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO sessions (user_id, family_id, data, version) VALUES ($user, $family, $data, $version);",
            ("$user", session.UserId), ("$family", session.FamilyId), ("$data", ToJson(session)), ("$version", session.Version));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<RefreshSession?> GetAsync(string userId, string familyId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM sessions WHERE user_id = $user AND family_id = $family;", ("$user", userId), ("$family", familyId));
        return await command.ReadOneJsonAsync<RefreshSession>(ct);
    }

    public async Task ReplaceAsync(RefreshSession session, long expectedVersion, CancellationToken ct)
    {
        var updated = session with { Version = expectedVersion + 1 };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "UPDATE sessions SET data = $data, version = $next WHERE user_id = $user AND family_id = $family AND version = $expected;",
            ("$user", session.UserId), ("$family", session.FamilyId), ("$data", ToJson(updated)),
            ("$next", updated.Version), ("$expected", expectedVersion));
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new PreconditionFailedException("The session changed concurrently.");
        }
    }

    public async Task RevokeAllAsync(string userId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var read = connection.Command("SELECT data FROM sessions WHERE user_id = $user;", ("$user", userId));
        foreach (var session in await read.ReadJsonAsync<RefreshSession>(ct))
        {
            if (session.RevokedAt is null)
            {
                var revoked = session with { RevokedAt = at, Version = session.Version + 1 };
                await using var write = connection.Command(
                    "UPDATE sessions SET data = $data, version = $version WHERE user_id = $user AND family_id = $family;",
                    ("$data", ToJson(revoked)), ("$version", revoked.Version), ("$user", userId), ("$family", session.FamilyId));
                await write.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
