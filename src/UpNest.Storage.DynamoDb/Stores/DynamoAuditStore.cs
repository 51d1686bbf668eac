using Amazon.DynamoDBv2.Model;
using UpNest.Core.Audit;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// AuditLog: the events of a subject at subject/E#position. The head of the chain is the highest
/// position. The process's audit writer chains events from the heads it holds and puts each at its
/// position on condition that the slot is free: of two instances on one head exactly one gets the
/// slot, the other reloads the head and re-chains. No HEAD item to rewrite: audit is written on
/// every read, so this is the cheapest write in the store that matters most.
/// </summary>
internal sealed class DynamoAuditStore(DynamoGateway db, TimeProvider clock) : IAuditStore
{
    private static readonly TableDefinition Table = Tables.AuditLog;

    /// <summary>The position comes from the sort key: events stored before positions were recorded have none.</summary>
    public async Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct) =>
        await HeadItemAsync(subject, ct) is { } head ? Read<AuditEvent>(head) with { Position = Keys.AuditSequence(head[Attrs.Sk].S) } : null;

    /// <summary>
    /// One call per subject, all in parallel: a subject's lone event is one conditional PutItem
    /// (the cheapest write: no transaction surcharge), several events of one subject are one
    /// TransactWriteItems (the writer keeps batches within its 100 items). Each event goes to its
    /// own slot on condition the slot is free, so a head another instance moved on fails only that
    /// subject's call, and the subject is returned to be re-chained.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> AppendBatchAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        var bySubject = events.GroupBy(e => e.Subject, StringComparer.Ordinal).ToList();
        var stored = await Task.WhenAll(bySubject.Select(chain => AppendChainAsync(chain.ToList(), ct)));
        return bySubject.Where((_, i) => !stored[i]).Select(g => g.Key).ToList();
    }

    private async Task<bool> AppendChainAsync(List<AuditEvent> chain, CancellationToken ct)
    {
        var table = db.Table(Table);
        try
        {
            if (chain.Count == 1)
            {
                await db.PutItemAsync("AppendAudit", new PutItemRequest
                {
                    TableName = table, Item = ItemOf(chain[0]), ConditionExpression = "attribute_not_exists(pk)",
                }, ct);
            }
            else
            {
                await db.TransactWriteAsync("AppendAuditChain", chain.Select(e => new TransactWriteItem
                {
                    Put = new Put { TableName = table, Item = ItemOf(e), ConditionExpression = "attribute_not_exists(pk)" },
                }).ToList(), ct);
            }
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        catch (TransactionCanceledException canceled) when (canceled.AnyConditionFailed())
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> ItemOf(AuditEvent auditEvent)
    {
        var item = Item(Keys.AuditSubject(auditEvent.Subject), Keys.AuditEvent(auditEvent.Position), auditEvent);
        item[Attrs.ActorId] = S(auditEvent.ActorId);
        item[Attrs.At] = S(Keys.AuditAt(auditEvent.At, auditEvent.Id));
        item[Attrs.ExpiresAt] = N(EpochSeconds(auditEvent.ExpiresAt));
        return item;
    }

    public async Task<Page<AuditEvent>> ListBySubjectAsync(string subject, PageRequest page, CancellationToken ct)
    {
        var (items, next) = await db.QueryPageAsync("ListAuditBySubject", Unexpired(EventsOf(subject, newestFirst: true)), Table, page, ct);
        return new Page<AuditEvent>(items.Select(Read<AuditEvent>).ToList(), next);
    }

    public async IAsyncEnumerable<AuditEvent> ReadChainAsync(
        string subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in db.QueryAllAsync("ReadAuditChain", EventsOf(subject, newestFirst: false), ct))
        {
            yield return Read<AuditEvent>(item);
        }
    }

    public async Task<Page<AuditEvent>> ListByActorAsync(string actorId, PageRequest page, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            IndexName = IndexNames.ByActor,
            KeyConditionExpression = "actorId = :actor",
            ExpressionAttributeValues = Values((":actor", S(actorId))),
            ScanIndexForward = false,
        };
        var (items, next) = await db.QueryPageAsync("ListAuditByActor", Unexpired(query), Table, page, ct);
        return new Page<AuditEvent>(items.Select(Read<AuditEvent>).ToList(), next);
    }

    /// <summary>
    /// DynamoDB's TTL on expiresAt deletes expired events itself, at no write cost; finding them
    /// here would need a Scan, so this fallback has nothing to do.
    /// </summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, int limit, CancellationToken ct) => Task.FromResult(0);

    /// <summary>
    /// TTL deletes expired events lazily (AWS: within days), so listings hide them themselves.
    /// The chain head is read without this filter: verification needs every link still stored.
    /// </summary>
    private QueryRequest Unexpired(QueryRequest query)
    {
        query.FilterExpression = "attribute_not_exists(expiresAt) OR expiresAt > :now";
        query.ExpressionAttributeValues[":now"] = N(EpochSeconds(clock.GetUtcNow()));
        return query;
    }

    private async Task<Dictionary<string, AttributeValue>?> HeadItemAsync(string subject, CancellationToken ct)
    {
        var query = EventsOf(subject, newestFirst: true);
        query.Limit = 1;
        var response = await db.QueryAsync("AuditHead", query, ct);
        return response.Items.Count == 0 ? null : response.Items[0];
    }

    private QueryRequest EventsOf(string subject, bool newestFirst) => new()
    {
        TableName = db.Table(Table),
        KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues = Values((":pk", S(Keys.AuditSubject(subject))), (":prefix", S(Keys.AuditEventPrefix))),
        ScanIndexForward = !newestFirst,
        ConsistentRead = true,
    };
}
