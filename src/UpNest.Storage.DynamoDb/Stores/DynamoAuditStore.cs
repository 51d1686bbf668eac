using Amazon.DynamoDBv2.Model;
using UpNest.Core.Audit;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// AuditLog: the events of a subject at subject/E#sequence. The head of the chain is the highest
/// sequence. An append reads the head, checks the event's PrevHash against it and puts the event at
/// sequence + 1 on condition that the slot is free: of two writers on one head exactly one gets the
/// slot, the other a 412. One conditional PutItem per event, no transaction, no HEAD item to rewrite:
/// audit is written on every read, so this is the cheapest write in the store that matters most.
/// </summary>
internal sealed class DynamoAuditStore(DynamoGateway db, TimeProvider clock) : IAuditStore
{
    private static readonly TableDefinition Table = Tables.AuditLog;

    public async Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct) =>
        await HeadItemAsync(subject, ct) is { } head ? Read<AuditEvent>(head) : null;

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        var head = await HeadItemAsync(auditEvent.Subject, ct);
        if ((head is null ? null : Read<AuditEvent>(head).Hash) != auditEvent.PrevHash)
        {
            throw new PreconditionFailedException("The audit chain moved on; read the head again.");
        }
        var sequence = head is null ? 1 : Keys.AuditSequence(head[Attrs.Sk].S) + 1;
        var item = Item(Keys.AuditSubject(auditEvent.Subject), Keys.AuditEvent(sequence), auditEvent);
        item[Attrs.ActorId] = S(auditEvent.ActorId);
        item[Attrs.At] = S(Keys.AuditAt(auditEvent.At, auditEvent.Id));
        item[Attrs.ExpiresAt] = N(EpochSeconds(auditEvent.ExpiresAt));
        try
        {
            await db.PutItemAsync("AppendAudit", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = item,
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new PreconditionFailedException("The audit chain moved on; read the head again.");
        }
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
