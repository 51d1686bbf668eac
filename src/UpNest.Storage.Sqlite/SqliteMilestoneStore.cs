using Microsoft.Data.Sqlite;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Milestones;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteMilestoneStore(SqliteDatabase database) : IMilestoneStore
{
    public async Task<IReadOnlyList<MilestoneEntry>> ListForBabyAsync(BabyAccess access, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT data FROM milestones WHERE baby_id = $baby ORDER BY key;", ("$baby", access.BabyId));
        return await command.ReadJsonAsync<MilestoneEntry>(ct);
    }

    public async Task<MilestoneEntry?> GetAsync(BabyAccess access, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM milestones WHERE baby_id = $baby AND key = $key;", ("$baby", access.BabyId), ("$key", key));
        return await command.ReadOneJsonAsync<MilestoneEntry>(ct);
    }

    public async Task CreateAsync(BabyAccess access, MilestoneEntry entry, CancellationToken ct)
    {
        var record = entry with { BabyId = access.BabyId };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO milestones (baby_id, key, data, version) VALUES ($baby, $key, $data, $version);",
            ("$baby", access.BabyId), ("$key", record.Key), ("$data", ToJson(record)), ("$version", record.Version));
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException("This milestone has a record already.");
        }
    }

    public async Task<MilestoneEntry> UpdateAsync(BabyAccess access, MilestoneEntry entry, long expectedVersion, CancellationToken ct)
    {
        var updated = entry with { BabyId = access.BabyId, Version = expectedVersion + 1 };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "UPDATE milestones SET data = $data, version = $next WHERE baby_id = $baby AND key = $key AND version = $expected;",
            ("$baby", access.BabyId), ("$key", updated.Key), ("$data", ToJson(updated)), ("$next", updated.Version),
            ("$expected", expectedVersion));
        await command.ExecuteVersionedAsync(async () => await GetAsync(access, updated.Key, ct) is not null, "milestone", ct);
        return updated;
    }
}
