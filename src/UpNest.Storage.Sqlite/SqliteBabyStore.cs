using Microsoft.Data.Sqlite;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteBabyStore(SqliteDatabase database) : IBabyStore
{
    public async Task CreateAsync(Baby baby, AccessGrant ownerGrant, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var insert = transaction.Command(
            "INSERT INTO babies (id, data, version, deleted_at) VALUES ($id, $data, $version, NULL);",
            ("$id", baby.Id), ("$data", ToJson(baby)), ("$version", baby.Version)))
        {
            try
            {
                await insert.ExecuteNonQueryAsync(ct);
            }
            catch (SqliteException e) when (IsUniqueViolation(e))
            {
                throw new ConflictException("A baby with this id exists already.");
            }
        }
        await InsertGrantAsync(transaction, ownerGrant, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<BabyWithGrant?> GetWithGrantAsync(string babyId, string userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT b.data, g.data FROM babies b LEFT JOIN grants g ON g.baby_id = b.id AND g.user_id = $user WHERE b.id = $id;",
            ("$id", babyId), ("$user", userId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var baby = FromJson<Baby>(reader.GetString(0));
        var grant = reader.IsDBNull(1) ? null : FromJson<AccessGrant>(reader.GetString(1));
        return new BabyWithGrant(baby, grant);
    }

    public async Task<Page<BabyWithRole>> ListForUserAsync(string userId, PageRequest page, CancellationToken ct)
    {
        var limit = ClampLimit(page.Limit);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            SELECT b.data, g.role FROM grants g JOIN babies b ON b.id = g.baby_id
            WHERE g.user_id = $user AND b.deleted_at IS NULL AND ($after IS NULL OR g.baby_id > $after)
            ORDER BY g.baby_id LIMIT $limit;
            """,
            ("$user", userId), ("$after", page.After), ("$limit", limit + 1));
        var items = new List<BabyWithRole>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new BabyWithRole(FromJson<Baby>(reader.GetString(0)), (Role)reader.GetInt32(1)));
        }
        if (items.Count <= limit)
        {
            return new Page<BabyWithRole>(items, null);
        }
        items.RemoveAt(limit);
        return new Page<BabyWithRole>(items, items[^1].Baby.Id);
    }

    public async Task<Baby> UpdateAsync(BabyAccess access, Baby baby, long expectedVersion, CancellationToken ct)
    {
        var updated = baby with { Id = access.BabyId, Version = expectedVersion + 1 };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "UPDATE babies SET data = $data, version = $next, deleted_at = $deleted WHERE id = $id AND version = $expected;",
            ("$id", access.BabyId), ("$data", ToJson(updated)), ("$next", updated.Version), ("$expected", expectedVersion),
            ("$deleted", updated.DeletedAt is { } d ? Iso(d) : null));
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new PreconditionFailedException();
        }
        return updated;
    }

    public async Task<IReadOnlyList<AccessGrant>> ListGrantsAsync(BabyAccess access, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM grants WHERE baby_id = $id ORDER BY role DESC, user_id;", ("$id", access.BabyId));
        return await command.ReadJsonAsync<AccessGrant>(ct);
    }

    public async Task PutGrantAsync(BabyAccess access, AccessGrant grant, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await InsertGrantAsync(transaction, grant with { BabyId = access.BabyId }, ct, replace: true);
        await transaction.CommitAsync(ct);
    }

    public async Task RemoveGrantAsync(BabyAccess access, string userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "DELETE FROM grants WHERE baby_id = $id AND user_id = $user;", ("$id", access.BabyId), ("$user", userId));
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new NotFoundException("caregiver");
        }
    }

    public Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct) =>
        database.ListDeletedBeforeAsync("babies", cutoff, limit, ct);

    public async Task PurgeAsync(BabyAccess access, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // Grants, measurements and every other baby record go with it (ON DELETE CASCADE).
        await using var command = connection.Command("DELETE FROM babies WHERE id = $id;", ("$id", access.BabyId));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertGrantAsync(SqliteTransaction transaction, AccessGrant grant, CancellationToken ct, bool replace = false)
    {
        var verb = replace ? "INSERT OR REPLACE" : "INSERT";
        await using var command = transaction.Command(
            $"{verb} INTO grants (baby_id, user_id, role, data) VALUES ($baby, $user, $role, $data);",
            ("$baby", grant.BabyId), ("$user", grant.UserId), ("$role", (int)grant.Role), ("$data", ToJson(grant)));
        await command.ExecuteNonQueryAsync(ct);
    }
}
