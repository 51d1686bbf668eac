using Amazon.DynamoDBv2.Model;
using UpNest.Core.Users;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// First responses at USER#id/IDEMP#key. TTL deletes them eventually (up to days late), so reads
/// and the add condition treat an expired record as absent themselves.
/// </summary>
internal sealed class DynamoIdempotencyStore(DynamoGateway db, TimeProvider clock) : IIdempotencyStore
{
    private static readonly TableDefinition Table = Tables.Users;

    public async Task<IdempotencyRecord?> GetAsync(string userId, string key, CancellationToken ct)
    {
        var item = await db.GetItemAsync("GetIdempotency", Table, Key(Keys.User(userId), Keys.Idempotency(key)), ct);
        var record = item is null ? null : Read<IdempotencyRecord>(item);
        return record is not null && record.ExpiresAt > clock.GetUtcNow() ? record : null;
    }

    public async Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var item = Item(Keys.User(record.UserId), Keys.Idempotency(record.Key), record);
        item[Attrs.ExpiresAt] = N(EpochSeconds(record.ExpiresAt));
        try
        {
            await db.PutItemAsync("AddIdempotency", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = item,
                ConditionExpression = "attribute_not_exists(pk) OR expiresAt <= :now",
                ExpressionAttributeValues = Values((":now", N(EpochSeconds(clock.GetUtcNow())))),
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
