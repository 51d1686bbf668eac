using Microsoft.Data.Sqlite;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteVaccinationStore(SqliteDatabase database) : IVaccinationStore
{
    public async Task<IReadOnlyList<VaccinationDose>> ListForBabyAsync(BabyAccess access, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM doses WHERE baby_id = $baby ORDER BY sort_on, id;", ("$baby", access.BabyId));
        return await command.ReadJsonAsync<VaccinationDose>(ct);
    }

    public async Task<VaccinationDose?> GetAsync(BabyAccess access, string doseId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM doses WHERE baby_id = $baby AND id = $id;", ("$baby", access.BabyId), ("$id", doseId));
        return await command.ReadOneJsonAsync<VaccinationDose>(ct);
    }

    public async Task ReplacePlanAsync(BabyAccess access, IReadOnlyList<VaccinationDose> doses, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var clear = transaction.Command("DELETE FROM doses WHERE baby_id = $baby;", ("$baby", access.BabyId)))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }
        foreach (var dose in doses)
        {
            await using var insert = Insert(transaction, dose with { BabyId = access.BabyId });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task CreateAsync(BabyAccess access, VaccinationDose dose, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = Insert(transaction, dose with { BabyId = access.BabyId });
        try
        {
            await insert.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException("This dose is recorded already.");
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<VaccinationDose> UpdateAsync(BabyAccess access, VaccinationDose dose, long expectedVersion, CancellationToken ct)
    {
        var updated = dose with { BabyId = access.BabyId, Version = expectedVersion + 1 };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            UPDATE doses SET sort_on = $sort, due_on = $due, data = $data, version = $next
            WHERE baby_id = $baby AND id = $id AND version = $expected;
            """,
            ("$baby", access.BabyId), ("$id", updated.Id), ("$sort", Iso(updated.SortOn)), ("$due", DueOn(updated)),
            ("$data", ToJson(updated)), ("$next", updated.Version), ("$expected", expectedVersion));
        await command.ExecuteVersionedAsync(async () => await GetAsync(access, updated.Id, ct) is not null, "dose", ct);
        return updated;
    }

    public async Task DeleteAsync(BabyAccess access, string doseId, long? expectedVersion, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "DELETE FROM doses WHERE baby_id = $baby AND id = $id AND ($expected IS NULL OR version = $expected);",
            ("$baby", access.BabyId), ("$id", doseId), ("$expected", expectedVersion));
        await command.ExecuteVersionedAsync(async () => await GetAsync(access, doseId, ct) is not null, "dose", ct);
    }

    public async Task<Page<VaccinationDose>> ListDueBetweenAsync(DateOnly from, DateOnly to, PageRequest page, CancellationToken ct)
    {
        var limit = ClampLimit(page.Limit);
        string? afterDue = null, afterBaby = null, afterId = null;
        if (page.After is { } after)
        {
            var parts = after.Split('|', 3);
            if (parts.Length != 3)
            {
                throw new ValidationException("cursor", "The cursor is not valid.");
            }
            (afterDue, afterBaby, afterId) = (parts[0], parts[1], parts[2]);
        }
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            SELECT data FROM doses
            WHERE due_on IS NOT NULL AND due_on >= $from AND due_on <= $to
              AND ($afterDue IS NULL OR (due_on, baby_id, id) > ($afterDue, $afterBaby, $afterId))
            ORDER BY due_on, baby_id, id LIMIT $limit;
            """,
            ("$from", Iso(from)), ("$to", Iso(to)), ("$afterDue", afterDue), ("$afterBaby", afterBaby), ("$afterId", afterId),
            ("$limit", limit + 1));
        var items = await command.ReadJsonAsync<VaccinationDose>(ct);
        if (items.Count <= limit)
        {
            return new Page<VaccinationDose>(items, null);
        }
        items.RemoveAt(limit);
        var last = items[^1];
        return new Page<VaccinationDose>(items, $"{Iso(last.PendingDueOn!.Value)}|{last.BabyId}|{last.Id}");
    }

    private static SqliteCommand Insert(SqliteTransaction transaction, VaccinationDose dose) => transaction.Command(
        "INSERT INTO doses (baby_id, id, sort_on, due_on, data, version) VALUES ($baby, $id, $sort, $due, $data, $version);",
        ("$baby", dose.BabyId), ("$id", dose.Id), ("$sort", Iso(dose.SortOn)), ("$due", DueOn(dose)), ("$data", ToJson(dose)),
        ("$version", dose.Version));

    private static string? DueOn(VaccinationDose dose) => dose.PendingDueOn is { } due ? Iso(due) : null;
}
