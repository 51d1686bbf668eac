using Amazon.DynamoDBv2.Model;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// Accounts in the Users table: the profile at USER#id/PROFILE and, per email, an EMAIL#email guard
/// item written in the same transaction. The guard makes a duplicate email a reliable 409 and lets
/// QP2 read with strong consistency (the ByEmail GSI could not).
/// </summary>
internal sealed class DynamoUserStore(DynamoGateway db) : IUserStore
{
    private static readonly TableDefinition Table = Tables.Users;

    public async Task<User?> GetAsync(string userId, CancellationToken ct)
    {
        var item = await db.GetItemAsync("QP1.GetUser", Table, Key(Keys.User(userId), Keys.Profile), ct);
        return item is null ? null : Read<User>(item);
    }

    public async Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken ct)
    {
        var guard = await db.GetItemAsync("QP2.GetEmailGuard", Table, Key(Keys.Email(normalizedEmail), Keys.EmailGuard), ct);
        if (guard?.GetS(Attrs.UserId) is not { } userId)
        {
            return null;
        }
        var user = await GetAsync(userId, ct);
        return user?.Email == normalizedEmail ? user : null;
    }

    public async Task CreateAsync(User user, CancellationToken ct)
    {
        var writes = new List<TransactWriteItem> { new() { Put = NewItem(ProfileItem(user)) } };
        if (user.Email is { } email)
        {
            writes.Add(new TransactWriteItem { Put = NewItem(GuardItem(email, user.Id)) });
        }
        try
        {
            await db.TransactWriteAsync("CreateUser", writes, ct);
        }
        catch (TransactionCanceledException canceled) when (canceled.AnyConditionFailed())
        {
            throw new ConflictException("An account with this email already exists.");
        }
    }

    public async Task<User> UpdateAsync(User user, long expectedVersion, CancellationToken ct)
    {
        // Read first: an email change must move the guard, and we need the old email to know.
        var current = await GetAsync(user.Id, ct) ?? throw new NotFoundException("user");
        if (current.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        var updated = user with { Version = expectedVersion + 1 };
        var writes = new List<TransactWriteItem> { new() { Put = VersionedPut(ProfileItem(updated), expectedVersion) } };
        if (current.Email != updated.Email)
        {
            if (current.Email is { } oldEmail)
            {
                writes.Add(new TransactWriteItem
                {
                    Delete = new Delete
                    {
                        TableName = db.Table(Table),
                        Key = Key(Keys.Email(oldEmail), Keys.EmailGuard),
                        ConditionExpression = "userId = :id",
                        ExpressionAttributeValues = Values((":id", S(user.Id))),
                    },
                });
            }
            if (updated.Email is { } newEmail)
            {
                writes.Add(new TransactWriteItem { Put = NewItem(GuardItem(newEmail, user.Id)) });
            }
        }
        try
        {
            await db.TransactWriteAsync("UpdateUser", writes, ct);
        }
        catch (TransactionCanceledException canceled) when (canceled.FailedAt(0))
        {
            throw new PreconditionFailedException();
        }
        catch (TransactionCanceledException canceled) when (canceled.AnyConditionFailed())
        {
            throw new ConflictException("An account with this email already exists.");
        }
        return updated;
    }

    public async Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct) =>
        await DeletedIndex.ListBeforeAsync(db, Table, Keys.DeletedUsers, cutoff, limit, ct)
            .Select(pk => pk["USER#".Length..]).ToListAsync(ct);

    public async Task PurgeAsync(string userId, CancellationToken ct)
    {
        var user = await GetAsync(userId, ct);
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = Values((":pk", S(Keys.User(userId)))),
            ProjectionExpression = "pk, sk",
            ConsistentRead = true,
        };
        var keys = await db.QueryAllAsync("PurgeUser.List", query, ct).Select(KeyOf).ToListAsync(ct);
        await db.BatchDeleteAsync("PurgeUser", Table, keys, ct);
        if (user?.Email is { } email)
        {
            await DeleteGuardIfOwnedAsync(email, userId, ct);
        }
    }

    private async Task DeleteGuardIfOwnedAsync(string email, string userId, CancellationToken ct)
    {
        try
        {
            await db.DeleteItemAsync("PurgeUser.Guard", new DeleteItemRequest
            {
                TableName = db.Table(Table),
                Key = Key(Keys.Email(email), Keys.EmailGuard),
                ConditionExpression = "userId = :id",
                ExpressionAttributeValues = Values((":id", S(userId))),
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // The email belongs to someone else by now; their guard stays.
        }
    }

    private static Dictionary<string, AttributeValue> ProfileItem(User user)
    {
        var item = Item(Keys.User(user.Id), Keys.Profile, user, user.Version);
        if (user.Email is { } email)
        {
            item[Attrs.Email] = S(email);
        }
        DeletedIndex.Mark(item, Keys.DeletedUsers, user.DeletedAt);
        return item;
    }

    private static Dictionary<string, AttributeValue> GuardItem(string email, string userId)
    {
        var item = Key(Keys.Email(email), Keys.EmailGuard);
        item[Attrs.UserId] = S(userId);
        return item;
    }

    private Put NewItem(Dictionary<string, AttributeValue> item) => new()
    {
        TableName = db.Table(Table),
        Item = item,
        ConditionExpression = "attribute_not_exists(pk)",
    };

    private Put VersionedPut(Dictionary<string, AttributeValue> item, long expectedVersion) => new()
    {
        TableName = db.Table(Table),
        Item = item,
        ConditionExpression = "version = :expected",
        ExpressionAttributeValues = Values((":expected", N(expectedVersion))),
    };
}
