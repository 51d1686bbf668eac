using System.Globalization;
using Amazon.DynamoDBv2.Model;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// Babies table: the profile at BABY#id/PROFILE and one grant per user at BABY#id/ACCESS#userId.
/// Grants carry userId and role for the ByUser index (QP3).
/// </summary>
internal sealed class DynamoBabyStore(DynamoGateway db) : IBabyStore
{
    private static readonly TableDefinition Table = Tables.Babies;

    public async Task CreateAsync(Baby baby, AccessGrant ownerGrant, CancellationToken ct)
    {
        var grant = ownerGrant with { BabyId = baby.Id };
        List<TransactWriteItem> writes =
        [
            new() { Put = new Put { TableName = db.Table(Table), Item = ProfileItem(baby), ConditionExpression = "attribute_not_exists(pk)" } },
            new() { Put = new Put { TableName = db.Table(Table), Item = GrantItem(grant), ConditionExpression = "attribute_not_exists(pk)" } },
        ];
        try
        {
            await db.TransactWriteAsync("CreateBaby", writes, ct);
        }
        catch (TransactionCanceledException canceled) when (canceled.AnyConditionFailed())
        {
            throw new ConflictException("A baby with this id exists already.");
        }
    }

    /// <summary>QP4: profile and grant in one BatchGetItem, strongly consistent so a revoked grant is gone at once.</summary>
    public async Task<BabyWithGrant?> GetWithGrantAsync(string babyId, string userId, CancellationToken ct)
    {
        var items = await db.BatchGetAsync("QP4.GetBabyWithGrant", Table,
            [Key(Keys.Baby(babyId), Keys.Profile), Key(Keys.Baby(babyId), Keys.Access(userId))], ct);
        var profile = items.FirstOrDefault(i => i[Attrs.Sk].S == Keys.Profile);
        if (profile is null)
        {
            return null;
        }
        var grant = items.FirstOrDefault(i => i[Attrs.Sk].S != Keys.Profile);
        return new BabyWithGrant(Read<Baby>(profile), grant is null ? null : Read<AccessGrant>(grant));
    }

    /// <summary>QP3: one Query of ByUser for the page, one BatchGetItem for the profiles.</summary>
    public async Task<Page<BabyWithRole>> ListForUserAsync(string userId, PageRequest page, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            IndexName = IndexNames.ByUser,
            KeyConditionExpression = "userId = :user",
            ExpressionAttributeValues = Values((":user", S(userId))),
        };
        var (grants, next) = await db.QueryPageAsync("QP3.ListGrantsByUser", query, Table, page, ct);
        if (grants.Count == 0)
        {
            return new Page<BabyWithRole>([], next);
        }
        var profiles = (await db.BatchGetAsync("QP3.GetBabies", Table, grants.Select(g => Key(g[Attrs.Pk].S, Keys.Profile)).ToList(), ct))
            .Select(Read<Baby>)
            .ToDictionary(b => Keys.Baby(b.Id), StringComparer.Ordinal);
        var babies = grants
            .Where(g => profiles.TryGetValue(g[Attrs.Pk].S, out var baby) && baby.DeletedAt is null)
            .Select(g => new BabyWithRole(profiles[g[Attrs.Pk].S], (Role)int.Parse(g[Attrs.Role].N, CultureInfo.InvariantCulture)))
            .ToList();
        return new Page<BabyWithRole>(babies, next);
    }

    public async Task<Baby> UpdateAsync(BabyAccess access, Baby baby, long expectedVersion, CancellationToken ct)
    {
        var updated = baby with { Id = access.BabyId, Version = expectedVersion + 1 };
        try
        {
            await db.PutItemAsync("UpdateBaby", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = ProfileItem(updated),
                ConditionExpression = "version = :expected",
                ExpressionAttributeValues = Values((":expected", N(expectedVersion))),
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new PreconditionFailedException();
        }
        return updated;
    }

    public async Task<IReadOnlyList<AccessGrant>> ListGrantsAsync(BabyAccess access, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = Values((":pk", S(Keys.Baby(access.BabyId))), (":prefix", S(Keys.AccessPrefix))),
            ConsistentRead = true,
        };
        var grants = await db.QueryAllAsync("ListGrants", query, ct).Select(Read<AccessGrant>).ToListAsync(ct);
        return grants.OrderByDescending(g => g.Role).ThenBy(g => g.UserId, StringComparer.Ordinal).ToList();
    }

    public Task PutGrantAsync(BabyAccess access, AccessGrant grant, CancellationToken ct) =>
        db.PutItemAsync("PutGrant", new PutItemRequest
        {
            TableName = db.Table(Table),
            Item = GrantItem(grant with { BabyId = access.BabyId }),
        }, ct);

    public async Task RemoveGrantAsync(BabyAccess access, string userId, CancellationToken ct)
    {
        try
        {
            await db.DeleteItemAsync("RemoveGrant", new DeleteItemRequest
            {
                TableName = db.Table(Table),
                Key = Key(Keys.Baby(access.BabyId), Keys.Access(userId)),
                ConditionExpression = "attribute_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new NotFoundException("caregiver");
        }
    }

    public async Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct) =>
        await DeletedIndex.ListBeforeAsync(db, Table, Keys.DeletedBabies, cutoff, limit, ct)
            .Select(pk => pk["BABY#".Length..]).ToListAsync(ct);

    /// <summary>
    /// Deletes the baby's partition in every baby-keyed table (measurements, doses, milestones, then
    /// grants, invitations and the profile) and the baby's reminders; the audit trail stays until its TTL.
    /// </summary>
    public async Task PurgeAsync(BabyAccess access, CancellationToken ct)
    {
        // Records first, the profile's table last: a purge cut short is found again by ListDeletedBefore.
        foreach (var table in new[] { Tables.GrowthData, Tables.Vaccinations, Tables.Milestones, Tables.Babies })
        {
            var query = new QueryRequest
            {
                TableName = db.Table(table),
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = Values((":pk", S(Keys.Baby(access.BabyId)))),
                ProjectionExpression = "pk, sk",
                ConsistentRead = true,
            };
            var keys = await db.QueryAllAsync("PurgeBaby.List", query, ct).Select(KeyOf).ToListAsync(ct);
            // Invitations go with the partition. Reminders are items of their own (a channel finds them
            // by id): the REMINDER# pointers here lead to them, and they go first, so a purge cut
            // short still finds the pointers next time.
            var reminders = keys.Where(k => table == Tables.Babies && k[Attrs.Sk].S.StartsWith(Keys.ReminderPrefix, StringComparison.Ordinal))
                .Select(k => Key(k[Attrs.Sk].S, Keys.ReminderItem)).ToList();
            await db.BatchDeleteAsync("PurgeBaby.Reminders", Tables.Babies, reminders, ct);
            // Within the Babies table the profile goes last for the same reason.
            keys = keys.OrderBy(k => k[Attrs.Sk].S == Keys.Profile).ToList();
            await db.BatchDeleteAsync("PurgeBaby", table, keys, ct);
        }
    }

    private static Dictionary<string, AttributeValue> ProfileItem(Baby baby)
    {
        var item = Item(Keys.Baby(baby.Id), Keys.Profile, baby, baby.Version);
        DeletedIndex.Mark(item, Keys.DeletedBabies, baby.DeletedAt);
        return item;
    }

    private static Dictionary<string, AttributeValue> GrantItem(AccessGrant grant)
    {
        var item = Item(Keys.Baby(grant.BabyId), Keys.Access(grant.UserId), grant);
        item[Attrs.UserId] = S(grant.UserId);
        item[Attrs.Role] = N((int)grant.Role);
        return item;
    }
}
