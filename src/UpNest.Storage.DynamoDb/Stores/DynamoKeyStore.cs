using Amazon.DynamoDBv2.Model;
using UpNest.Core.Security;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>Service keys at KEYS#purpose/keyId in the Users table; the first writer of an id wins.</summary>
internal sealed class DynamoKeyStore(DynamoGateway db) : IKeyStore
{
    private static readonly TableDefinition Table = Tables.Users;

    public async Task<IReadOnlyList<StoredKey>> ListAsync(string purpose, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = Values((":pk", S(Keys.KeyPurpose(purpose)))),
            ConsistentRead = true,
        };
        var keys = await db.QueryAllAsync("ListKeys", query, ct).Select(Read<StoredKey>).ToListAsync(ct);
        return keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();
    }

    public async Task AddAsync(StoredKey key, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync("AddKey", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = Item(Keys.KeyPurpose(key.Purpose), key.KeyId, key),
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Two instances generated a key with the same id at start-up: the stored one stands.
        }
    }
}
