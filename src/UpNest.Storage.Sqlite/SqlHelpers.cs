using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using UpNest.Core.Common;

namespace UpNest.Storage.Sqlite;

internal static class SqlHelpers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException("A stored record could not be read.");

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static SqliteCommand Command(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    public static async Task<List<T>> ReadJsonAsync<T>(this SqliteCommand command, CancellationToken ct)
    {
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(FromJson<T>(reader.GetString(0)));
        }
        return items;
    }

    public static async Task<T?> ReadOneJsonAsync<T>(this SqliteCommand command, CancellationToken ct) where T : class
    {
        var value = await command.ExecuteScalarAsync(ct);
        return value is string json ? FromJson<T>(json) : null;
    }

    /// <summary>
    /// Runs a write guarded by a version (and id) in its WHERE clause. No row touched means the record
    /// is missing (404) or was changed by someone else (412); <paramref name="exists"/> tells which.
    /// </summary>
    public static async Task ExecuteVersionedAsync(this SqliteCommand command, Func<Task<bool>> exists, string resource, CancellationToken ct)
    {
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw await exists() ? new PreconditionFailedException() : new NotFoundException(resource);
        }
    }

    public static bool IsUniqueViolation(SqliteException e) => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 2067 or 1555;

    public static int ClampLimit(int limit) => Math.Clamp(limit, 1, 1000);

    /// <summary>Ids of rows soft-deleted before the cutoff, oldest deletion first (the purge job's query).</summary>
    public static async Task<IReadOnlyList<string>> ListDeletedBeforeAsync(
        this SqliteDatabase database, string table, DateTimeOffset cutoff, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            $"SELECT id FROM {table} WHERE deleted_at IS NOT NULL AND deleted_at < $cutoff ORDER BY deleted_at LIMIT $limit;",
            ("$cutoff", Iso(cutoff)), ("$limit", ClampLimit(limit)));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
