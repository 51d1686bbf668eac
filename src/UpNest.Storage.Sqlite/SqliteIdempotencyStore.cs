using Microsoft.Data.Sqlite;
using UpNest.Core.Users;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteIdempotencyStore(SqliteDatabase database, TimeProvider clock) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> GetAsync(string userId, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM idempotency WHERE user_id = $user AND key = $key AND expires_at > $now;",
            ("$user", userId), ("$key", key), ("$now", Iso(clock.GetUtcNow())));
        return await command.ReadOneJsonAsync<IdempotencyRecord>(ct);
    }

    public async Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // An expired record under the same key gives way to the new one.
        await using (var expire = connection.Command(
            "DELETE FROM idempotency WHERE user_id = $user AND key = $key AND expires_at <= $now;",
            ("$user", record.UserId), ("$key", record.Key), ("$now", Iso(clock.GetUtcNow()))))
        {
            await expire.ExecuteNonQueryAsync(ct);
        }
        await using var command = connection.Command(
            "INSERT INTO idempotency (user_id, key, data, expires_at) VALUES ($user, $key, $data, $expires);",
            ("$user", record.UserId), ("$key", record.Key), ("$data", ToJson(record)), ("$expires", Iso(record.ExpiresAt)));
        try
        {
            await command.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }
}
