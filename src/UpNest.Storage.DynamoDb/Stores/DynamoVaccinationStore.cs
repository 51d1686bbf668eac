using System.Globalization;
using Amazon.DynamoDBv2.Model;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// Vaccinations: BABY#id/DOSE#vaccine#nn, one item per dose. A pending dose also carries dueOn and
/// babyDose, the keys of the sparse ByDueDate index; a put without them (given, skipped) takes the
/// dose out of the index. Every key starts from the access proof's baby. The reminder job's
/// index read is in DynamoVaccinationStore.DueIndex.cs.
/// </summary>
internal sealed partial class DynamoVaccinationStore(DynamoGateway db) : IVaccinationStore
{
    private static readonly TableDefinition Table = Tables.Vaccinations;

    // DynamoDB's cap on the items of one TransactWriteItems call.
    private const int MaxTransactionItems = 100;

    /// <summary>QP7: the whole partition (under 100 doses), ordered as the port says: sort date, then id.</summary>
    public async Task<IReadOnlyList<VaccinationDose>> ListForBabyAsync(BabyAccess access, CancellationToken ct)
    {
        var items = await ReadPartitionAsync("QP7.ListDoses", access.BabyId, ct);
        return items.Select(Read<VaccinationDose>)
            .OrderBy(d => d.SortOn).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<VaccinationDose?> GetAsync(BabyAccess access, string doseId, CancellationToken ct)
    {
        if (SortKey(doseId) is not { } sk)
        {
            return null;
        }
        var item = await db.GetItemAsync("GetDose", Table, Key(Keys.Baby(access.BabyId), sk), ct);
        return item is null ? null : Read<VaccinationDose>(item);
    }

    /// <summary>
    /// One transaction puts what changed and deletes what is no longer planned, so readers see the
    /// old plan or the new one. Unchanged items are left alone, which keeps a re-plan small; a plan
    /// that still needs more than one transaction is written in chunks (puts before deletes).
    /// </summary>
    public async Task ReplacePlanAsync(BabyAccess access, IReadOnlyList<VaccinationDose> doses, CancellationToken ct)
    {
        var existing = (await ReadPartitionAsync("ReplacePlan.Read", access.BabyId, ct))
            .ToDictionary(i => i[Attrs.Sk].S, StringComparer.Ordinal);
        var writes = new List<TransactWriteItem>();
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dose in doses)
        {
            var item = DoseItem(dose with { BabyId = access.BabyId });
            var sk = item[Attrs.Sk].S;
            keep.Add(sk);
            if (!existing.TryGetValue(sk, out var old) || !SameItem(old, item))
            {
                writes.Add(new TransactWriteItem { Put = new Put { TableName = db.Table(Table), Item = item } });
            }
        }
        writes.AddRange(existing.Keys.Where(sk => !keep.Contains(sk)).Select(sk => new TransactWriteItem
        {
            Delete = new Delete { TableName = db.Table(Table), Key = Key(Keys.Baby(access.BabyId), sk) },
        }));
        foreach (var chunk in writes.Chunk(MaxTransactionItems))
        {
            await db.TransactWriteAsync("ReplacePlan", chunk.ToList(), ct);
        }
    }

    public async Task CreateAsync(BabyAccess access, VaccinationDose dose, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync("CreateDose", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = DoseItem(dose with { BabyId = access.BabyId }),
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new ConflictException("This dose is recorded already.");
        }
    }

    public async Task<VaccinationDose> UpdateAsync(BabyAccess access, VaccinationDose dose, long expectedVersion, CancellationToken ct)
    {
        var updated = dose with { BabyId = access.BabyId, Version = expectedVersion + 1 };
        if (SortKey(updated.Id) is null)
        {
            throw new NotFoundException("dose");
        }
        await db.ReplaceVersionedAsync("UpdateDose", Table, DoseItem(updated), expectedVersion, "dose", ct);
        return updated;
    }

    public async Task DeleteAsync(BabyAccess access, string doseId, long? expectedVersion, CancellationToken ct)
    {
        if (SortKey(doseId) is not { } sk)
        {
            throw new NotFoundException("dose");
        }
        await db.DeleteVersionedAsync("DeleteDose", Table, Key(Keys.Baby(access.BabyId), sk), expectedVersion, "dose", ct);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ReadPartitionAsync(string operation, string babyId, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = Values((":pk", S(Keys.Baby(babyId))), (":prefix", S(Keys.DosePrefix))),
            ConsistentRead = true,
        };
        return await db.QueryAllAsync(operation, query, ct).ToListAsync(ct);
    }

    private static Dictionary<string, AttributeValue> DoseItem(VaccinationDose dose)
    {
        var sk = SortKey(dose.Id) ?? throw new ValidationException("id", "The dose id is not valid.");
        var item = Item(Keys.Baby(dose.BabyId), sk, dose, dose.Version);
        if (dose.PendingDueOn is { } due)
        {
            item[Attrs.DueOn] = S(Keys.DueOn(due));
            item[Attrs.BabyDose] = S(Keys.BabyDose(dose.BabyId, dose.Id));
        }
        return item;
    }

    /// <summary>
    /// The sort key for a dose id "{vaccine}.{n}", or null when the id is not one (then no such dose
    /// exists). The id must round-trip, so "HepB.01" does not find "HepB.1" under DOSE#HepB#01.
    /// </summary>
    private static string? SortKey(string doseId)
    {
        var dot = doseId.LastIndexOf('.');
        if (dot <= 0 || !int.TryParse(doseId.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var vaccine = doseId[..dot];
        return VaccinationDose.IdFor(vaccine, number) == doseId ? Keys.Dose(vaccine, number) : null;
    }

    private static bool SameItem(Dictionary<string, AttributeValue> a, Dictionary<string, AttributeValue> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && kv.Value.S == other.S && kv.Value.N == other.N);
}
