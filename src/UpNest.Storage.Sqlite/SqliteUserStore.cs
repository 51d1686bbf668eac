using Microsoft.Data.Sqlite;
using UpNest.Core.Common;
using UpNest.Core.Users;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    public async Task<User?> GetAsync(string userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT data FROM users WHERE id = $id;", ("$id", userId));
        return await command.ReadOneJsonAsync<User>(ct);
    }

    public async Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command("SELECT data FROM users WHERE email = $email;", ("$email", normalizedEmail));
        return await command.ReadOneJsonAsync<User>(ct);
    }

    public async Task CreateAsync(User user, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO users (id, email, data, version, deleted_at) VALUES ($id, $email, $data, $version, $deleted);",
            ("$id", user.Id), ("$email", user.Email), ("$data", ToJson(user)), ("$version", user.Version),
            ("$deleted", user.DeletedAt is { } d ? Iso(d) : null));
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException("An account with this email already exists.");
        }
    }

    public async Task<User> UpdateAsync(User user, long expectedVersion, CancellationToken ct)
    {
        var updated = user with { Version = expectedVersion + 1 };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "UPDATE users SET email = $email, data = $data, version = $next, deleted_at = $deleted WHERE id = $id AND version = $expected;",
            ("$id", user.Id), ("$email", user.Email), ("$data", ToJson(updated)), ("$next", updated.Version),
            ("$expected", expectedVersion), ("$deleted", user.DeletedAt is { } d ? Iso(d) : null));
        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException("An account with this email already exists.");
        }
        if (rows == 0)
        {
            throw await GetAsync(user.Id, ct) is null ? new NotFoundException("user") : new PreconditionFailedException();
        }
        return updated;
    }

    public Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct) =>
        database.ListDeletedBeforeAsync("users", cutoff, limit, ct);

    public async Task PurgeAsync(string userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        foreach (var sql in new[]
        {
            "DELETE FROM idempotency WHERE user_id = $id;",
            "DELETE FROM grants WHERE user_id = $id;",
            "DELETE FROM users WHERE id = $id;",
        })
        {
            await using var command = transaction.Command(sql, ("$id", userId));
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
