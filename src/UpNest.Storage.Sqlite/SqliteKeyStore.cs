using UpNest.Core.Security;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteKeyStore(SqliteDatabase database) : IKeyStore
{
    public async Task<IReadOnlyList<StoredKey>> ListAsync(string purpose, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT key_id, material, created_at FROM keys WHERE purpose = $purpose ORDER BY created_at, key_id;",
            ("$purpose", purpose));
        var keys = new List<StoredKey>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new StoredKey(purpose, reader.GetString(0), reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return keys;
    }

    public async Task AddAsync(StoredKey key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT OR IGNORE INTO keys (purpose, key_id, material, created_at) VALUES ($purpose, $id, $material, $at);",
            ("$purpose", key.Purpose), ("$id", key.KeyId), ("$material", key.Material), ("$at", Iso(key.CreatedAt)));
        await command.ExecuteNonQueryAsync(ct);
    }
}
