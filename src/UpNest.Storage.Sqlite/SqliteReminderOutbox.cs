using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteReminderOutbox(SqliteDatabase database) : IReminderOutbox
{
    public async Task<bool> AddAsync(Reminder reminder, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // The id is deterministic: a second write of the same reminder is ignored, not an error.
        await using var command = connection.Command(
            """
            INSERT INTO reminders (id, baby_id, user_id, created_at, delivered_at, data)
            VALUES ($id, $baby, $user, $created, NULL, $data) ON CONFLICT (id) DO NOTHING;
            """,
            ("$id", reminder.Id), ("$baby", reminder.BabyId), ("$user", reminder.UserId), ("$created", Iso(reminder.CreatedAt)),
            ("$data", ToJson(reminder)));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<Page<Reminder>> ListUndeliveredAsync(PageRequest page, CancellationToken ct)
    {
        var limit = ClampLimit(page.Limit);
        string? afterCreated = null, afterId = null;
        if (page.After is { } after)
        {
            var parts = after.Split('|', 2);
            if (parts.Length != 2)
            {
                throw new ValidationException("cursor", "The cursor is not valid.");
            }
            (afterCreated, afterId) = (parts[0], parts[1]);
        }
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            SELECT data FROM reminders
            WHERE delivered_at IS NULL AND ($afterCreated IS NULL OR (created_at, id) > ($afterCreated, $afterId))
            ORDER BY created_at, id LIMIT $limit;
            """,
            ("$afterCreated", afterCreated), ("$afterId", afterId), ("$limit", limit + 1));
        var items = await command.ReadJsonAsync<Reminder>(ct);
        if (items.Count <= limit)
        {
            return new Page<Reminder>(items, null);
        }
        items.RemoveAt(limit);
        return new Page<Reminder>(items, $"{Iso(items[^1].CreatedAt)}|{items[^1].Id}");
    }

    public async Task MarkDeliveredAsync(string reminderId, DateTimeOffset deliveredAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var read = connection.Command("SELECT data FROM reminders WHERE id = $id;", ("$id", reminderId));
        var reminder = await read.ReadOneJsonAsync<Reminder>(ct) ?? throw new NotFoundException("reminder");
        await using var update = connection.Command(
            "UPDATE reminders SET delivered_at = $at, data = $data WHERE id = $id;",
            ("$id", reminderId), ("$at", Iso(deliveredAt)), ("$data", ToJson(reminder with { DeliveredAt = deliveredAt })));
        await update.ExecuteNonQueryAsync(ct);
    }
}
