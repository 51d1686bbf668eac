using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace UpNest.Storage.Sqlite;

/// <summary>Opens connections to the one database file with the settings every connection needs.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    // Pooled connections keep their native handle and its settings: configure each handle once.
    private static readonly ConditionalWeakTable<object, object> Configured = [];
    private static readonly object Done = new();

    public SqliteDatabase(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _))
        {
            return connection;
        }
        // FULL: an acknowledged write is on disk before we answer 2xx, even if the process dies.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(ct);
        if (connection.Handle is { } configured)
        {
            Configured.AddOrUpdate(configured, Done);
        }
        return connection;
    }
}
