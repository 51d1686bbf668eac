using Amazon.DynamoDBv2.Model;
using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// The outbox in the Babies table. A delivery channel knows only the reminder id, so the reminder
/// is its own item (REMINDER#id/REMINDER); a pointer under the baby (BABY#id/REMINDER#id) lets
/// the baby's purge find and remove it. Until delivered the reminder carries the keys of the sparse
/// ByUndelivered index (one partition, sort key createdAt#id), which is the oldest-first list.
/// </summary>
internal sealed partial class DynamoReminderOutbox(DynamoGateway db) : IReminderOutbox
{
    private static readonly TableDefinition Table = Tables.Babies;

    /// <summary>
    /// Reminder and pointer in one transaction, both on the condition that they are new: the id is
    /// derived from user, baby, dose and day, so a second write of the same reminder adds nothing.
    /// </summary>
    public async Task<bool> AddAsync(Reminder reminder, CancellationToken ct)
    {
        List<TransactWriteItem> writes =
        [
            new() { Put = new Put { TableName = db.Table(Table), Item = ReminderItem(reminder), ConditionExpression = "attribute_not_exists(pk)" } },
            new()
            {
                Put = new Put
                {
                    TableName = db.Table(Table),
                    Item = Key(Keys.Baby(reminder.BabyId), Keys.Reminder(reminder.Id)),
                    ConditionExpression = "attribute_not_exists(pk)",
                },
            },
        ];
        try
        {
            await db.TransactWriteAsync("AddReminder", writes, ct);
            return true;
        }
        catch (TransactionCanceledException canceled) when (canceled.AnyConditionFailed())
        {
            return false;
        }
    }

    /// <summary>One Query of the sparse index: it holds undelivered reminders only.</summary>
    public async Task<Page<Reminder>> ListUndeliveredAsync(PageRequest page, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            IndexName = IndexNames.ByUndelivered,
            KeyConditionExpression = "outbox = :outbox",
            ExpressionAttributeValues = Values((":outbox", S(Keys.Undelivered))),
        };
        var (items, next) = await db.QueryPageAsync("ListUndeliveredReminders", query, Table, page, ct);
        return new Page<Reminder>(items.Select(Read<Reminder>).ToList(), next);
    }

    /// <summary>Rewrites the reminder with its delivery time and without the index keys, so it leaves the list.</summary>
    public async Task MarkDeliveredAsync(string reminderId, DateTimeOffset deliveredAt, CancellationToken ct)
    {
        var key = Key(Keys.Reminder(reminderId), Keys.ReminderItem);
        var item = await db.GetItemAsync("GetReminder", Table, key, ct) ?? throw new NotFoundException("reminder");
        try
        {
            await db.PutItemAsync("MarkReminderDelivered", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = ReminderItem(Read<Reminder>(item) with { DeliveredAt = deliveredAt }),
                // Purged in between: do not bring it back.
                ConditionExpression = "attribute_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new NotFoundException("reminder");
        }
    }

    private static Dictionary<string, AttributeValue> ReminderItem(Reminder reminder)
    {
        var item = Item(Keys.Reminder(reminder.Id), Keys.ReminderItem, reminder);
        if (reminder.DeliveredAt is null)
        {
            item[Attrs.Outbox] = S(Keys.Undelivered);
            item[Attrs.OutboxAt] = S(Keys.UndeliveredAt(reminder.CreatedAt, reminder.Id));
        }
        return item;
    }
}
