using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Storage.Sqlite;

namespace UpNest.Api.Tests.Durability;

/// <summary>The SQLite store as the app configures it: foreign keys on, durable writes, versioned migrations.</summary>
public sealed class SqliteStoreTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await _factory.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_apps_connections_enforce_foreign_keys()
    {
        Assert.Equal(1L, await ScalarAsync("PRAGMA foreign_keys;"));

        var orphan = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(
            "INSERT INTO measurements (baby_id, id, measured_on, data, version) VALUES ('no-such-baby', 'm1', '2026-01-01', '{}', 1);"));
        Assert.Contains("FOREIGN KEY", orphan.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_apps_connections_write_with_synchronous_full()
    {
        Assert.Equal(2L, await ScalarAsync("PRAGMA synchronous;"));
    }

    [Fact]
    public async Task The_database_is_in_wal_mode_from_the_first_start()
    {
        Assert.Equal("wal", (string?)await ScalarAsync("PRAGMA journal_mode;"), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Migrations_are_recorded_by_version_and_not_applied_twice_on_restart()
    {
        var versions = Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM schema_migrations;"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(versions >= 1);
        await _factory.DisposeAsync();

        await using var restarted = _factory.Restarted();
        _ = restarted.Server;

        await using var connection = await restarted.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(versions, reader.GetInt64(0));
        Assert.Equal(versions, reader.GetInt64(1));
    }
}
