using Amazon.DynamoDBv2.Model;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Milestones;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// Milestones: BABY#id/MS#key, one item per record the family made. Domain and status filters
/// apply to the evaluated checklist, so QP8 reads the baby's partition whole (a few dozen items);
/// the sort key gives the port's order by key. Every key starts from the access proof's baby.
/// </summary>
internal sealed partial class DynamoMilestoneStore(DynamoGateway db) : IMilestoneStore
{
    private static readonly TableDefinition Table = Tables.Milestones;

    public async Task<IReadOnlyList<MilestoneEntry>> ListForBabyAsync(BabyAccess access, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = Values((":pk", S(Keys.Baby(access.BabyId))), (":prefix", S(Keys.MilestonePrefix))),
            ConsistentRead = true,
        };
        return await db.QueryAllAsync("QP8.ListMilestones", query, ct).Select(Read<MilestoneEntry>).ToListAsync(ct);
    }

    public async Task<MilestoneEntry?> GetAsync(BabyAccess access, string key, CancellationToken ct)
    {
        var item = await db.GetItemAsync("GetMilestone", Table, Key(Keys.Baby(access.BabyId), Keys.Milestone(key)), ct);
        return item is null ? null : Read<MilestoneEntry>(item);
    }

    public async Task CreateAsync(BabyAccess access, MilestoneEntry entry, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync("CreateMilestone", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = MilestoneItem(entry with { BabyId = access.BabyId }),
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new ConflictException("This milestone has a record already.");
        }
    }

    public async Task<MilestoneEntry> UpdateAsync(BabyAccess access, MilestoneEntry entry, long expectedVersion, CancellationToken ct)
    {
        var updated = entry with { BabyId = access.BabyId, Version = expectedVersion + 1 };
        await db.ReplaceVersionedAsync("UpdateMilestone", Table, MilestoneItem(updated), expectedVersion, "milestone", ct);
        return updated;
    }

    private static Dictionary<string, AttributeValue> MilestoneItem(MilestoneEntry entry) =>
        Item(Keys.Baby(entry.BabyId), Keys.Milestone(entry.Key), entry, entry.Version);
}
