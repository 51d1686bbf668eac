using Microsoft.Data.Sqlite;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteMeasurementStore(SqliteDatabase database) : IMeasurementStore
{
    public async Task CreateAsync(BabyAccess access, Measurement measurement, CancellationToken ct)
    {
        var record = measurement with { BabyId = access.BabyId };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO measurements (baby_id, id, measured_on, data, version) VALUES ($baby, $id, $on, $data, $version);",
            ("$baby", access.BabyId), ("$id", record.Id), ("$on", Iso(record.MeasuredOn)), ("$data", ToJson(record)),
            ("$version", record.Version));
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException("A measurement with this id exists already.");
        }
    }

    public async Task<Measurement?> GetAsync(BabyAccess access, string measurementId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM measurements WHERE baby_id = $baby AND id = $id;", ("$baby", access.BabyId), ("$id", measurementId));
        return await command.ReadOneJsonAsync<Measurement>(ct);
    }

    public async Task<Page<Measurement>> ListAsync(
        BabyAccess access, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct)
    {
        var limit = ClampLimit(page.Limit);
        string? afterDate = null, afterId = null;
        if (page.After is { } after)
        {
            var parts = after.Split('|', 2);
            if (parts.Length != 2)
            {
                throw new ValidationException("cursor", "The cursor is not valid.");
            }
            (afterDate, afterId) = (parts[0], parts[1]);
        }
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            SELECT data FROM measurements
            WHERE baby_id = $baby
              AND ($from IS NULL OR measured_on >= $from) AND ($to IS NULL OR measured_on <= $to)
              AND ($afterDate IS NULL OR measured_on > $afterDate OR (measured_on = $afterDate AND id > $afterId))
            ORDER BY measured_on, id LIMIT $limit;
            """,
            ("$baby", access.BabyId), ("$from", from is { } f ? Iso(f) : null), ("$to", to is { } t ? Iso(t) : null),
            ("$afterDate", afterDate), ("$afterId", afterId), ("$limit", limit + 1));
        var items = await command.ReadJsonAsync<Measurement>(ct);
        if (items.Count <= limit)
        {
            return new Page<Measurement>(items, null);
        }
        items.RemoveAt(limit);
        var last = items[^1];
        return new Page<Measurement>(items, $"{Iso(last.MeasuredOn)}|{last.Id}");
    }

    public async Task<Measurement?> GetLatestAsync(BabyAccess access, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM measurements WHERE baby_id = $baby ORDER BY measured_on DESC, id DESC LIMIT 1;",
            ("$baby", access.BabyId));
        return await command.ReadOneJsonAsync<Measurement>(ct);
    }

    public async Task<Measurement> UpdateAsync(BabyAccess access, Measurement measurement, long expectedVersion, CancellationToken ct)
    {
        var updated = measurement with { BabyId = access.BabyId, Version = expectedVersion + 1 };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            UPDATE measurements SET measured_on = $on, data = $data, version = $next
            WHERE baby_id = $baby AND id = $id AND version = $expected;
            """,
            ("$baby", access.BabyId), ("$id", updated.Id), ("$on", Iso(updated.MeasuredOn)), ("$data", ToJson(updated)),
            ("$next", updated.Version), ("$expected", expectedVersion));
        await command.ExecuteVersionedAsync(async () => await GetAsync(access, updated.Id, ct) is not null, "measurement", ct);
        return updated;
    }

    public async Task DeleteAsync(BabyAccess access, string measurementId, long? expectedVersion, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "DELETE FROM measurements WHERE baby_id = $baby AND id = $id AND ($expected IS NULL OR version = $expected);",
            ("$baby", access.BabyId), ("$id", measurementId), ("$expected", expectedVersion));
        await command.ExecuteVersionedAsync(async () => await GetAsync(access, measurementId, ct) is not null, "measurement", ct);
    }
}
