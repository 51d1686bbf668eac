using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using UpNest.Core.Common;

namespace UpNest.Storage.Sqlite;

/// <summary>Applies the embedded Migrations/NNN_*.sql scripts in order, each once, each in a transaction.</summary>
public sealed class SqliteMigrator(SqliteDatabase database) : IStorageLifecycle
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
        {
            await wal.ExecuteNonQueryAsync(ct);
        }
        await using (var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);"))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var applied = new HashSet<int>();
        await using (var read = connection.Command("SELECT version FROM schema_migrations;"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, sql) in Scripts())
        {
            if (applied.Contains(version))
            {
                continue;
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using (var apply = transaction.Command(sql))
            {
                await apply.ExecuteNonQueryAsync(ct);
            }
            await using (var record = transaction.Command(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at);",
                ("$v", version), ("$at", SqlHelpers.Iso(DateTimeOffset.UtcNow))))
            {
                await record.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var probe = connection.Command("SELECT COUNT(*) FROM schema_migrations;");
            return Convert.ToInt64(await probe.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>The embedded scripts, by the number their name starts with.</summary>
    public static IReadOnlyList<(int Version, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var number = int.Parse(n["Migrations.".Length..].Split('_')[0], CultureInfo.InvariantCulture);
                return (number, reader.ReadToEnd());
            })
            .OrderBy(s => s.number)
            .ToList();
    }
}
