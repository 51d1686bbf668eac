using Amazon.DynamoDBv2.Model;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>Refresh-token families at USER#id/SESSION#familyId; TTL removes them after expiry.</summary>
internal sealed class DynamoSessionStore(DynamoGateway db) : ISessionStore
{
    private static readonly TableDefinition Table = Tables.Users;

    public async Task CreateAsync(RefreshSession session, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync("CreateSession", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = SessionItem(session),
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new ConflictException("A session with this id exists already.");
        }
    }

    public async Task<RefreshSession?> GetAsync(string userId, string familyId, CancellationToken ct)
    {
        var item = await db.GetItemAsync("GetSession", Table, Key(Keys.User(userId), Keys.Session(familyId)), ct);
        return item is null ? null : Read<RefreshSession>(item);
    }

    public async Task ReplaceAsync(RefreshSession session, long expectedVersion, CancellationToken ct)
    {
        try
        {
            await PutVersionedAsync("ReplaceSession", session with { Version = expectedVersion + 1 }, expectedVersion, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Two refreshes raced with the same token: the loser must not rotate it again.
            throw new PreconditionFailedException("The session changed concurrently.");
        }
    }

    public async Task RevokeAllAsync(string userId, DateTimeOffset at, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = Values((":pk", S(Keys.User(userId))), (":prefix", S(Keys.SessionPrefix))),
            ConsistentRead = true,
        };
        await foreach (var item in db.QueryAllAsync("RevokeSessions.List", query, ct))
        {
            await RevokeAsync(Read<RefreshSession>(item), at, ct);
        }
    }

    private async Task RevokeAsync(RefreshSession session, DateTimeOffset at, CancellationToken ct)
    {
        // A refresh may rotate the family while we revoke it: re-read and try again until it sticks.
        for (var current = session; current is { RevokedAt: null };)
        {
            try
            {
                await PutVersionedAsync("RevokeSession", current with { RevokedAt = at, Version = current.Version + 1 }, current.Version, ct);
                return;
            }
            catch (ConditionalCheckFailedException)
            {
                current = await GetAsync(current.UserId, current.FamilyId, ct);
            }
        }
    }

    private Task PutVersionedAsync(string operation, RefreshSession session, long expectedVersion, CancellationToken ct) =>
        db.PutItemAsync(operation, new PutItemRequest
        {
            TableName = db.Table(Table),
            Item = SessionItem(session),
            ConditionExpression = "version = :expected",
            ExpressionAttributeValues = Values((":expected", N(expectedVersion))),
        }, ct);

    private static Dictionary<string, AttributeValue> SessionItem(RefreshSession session)
    {
        var item = Item(Keys.User(session.UserId), Keys.Session(session.FamilyId), session, session.Version);
        item[Attrs.ExpiresAt] = N(EpochSeconds(session.ExpiresAt));
        return item;
    }
}
