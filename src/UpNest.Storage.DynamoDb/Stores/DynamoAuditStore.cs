using Amazon.DynamoDBv2.Model;
using UpNest.Core.Audit;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// AuditLog: events at subject/E#time#id, and one HEAD item per subject holding the newest event.
/// An append is one transaction: put the event, move HEAD on condition that it still holds the
/// event's PrevHash. Two writers racing on one chain: exactly one wins, the other gets 412.
/// </summary>
internal sealed class DynamoAuditStore(DynamoGateway db) : IAuditStore
{
    private static readonly TableDefinition Table = Tables.AuditLog;

    public async Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct)
    {
        var item = await db.GetItemAsync("AuditHead", Table, Key(Keys.AuditSubject(subject), Keys.AuditHead), ct);
        return item is null ? null : Read<AuditEvent>(item);
    }

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        var subject = Keys.AuditSubject(auditEvent.Subject);
        var expiresAt = N(EpochSeconds(auditEvent.ExpiresAt));

        var eventItem = Item(subject, Keys.AuditEvent(auditEvent.At, auditEvent.Id), auditEvent);
        eventItem[Attrs.ActorId] = S(auditEvent.ActorId);
        eventItem[Attrs.ExpiresAt] = expiresAt;

        // The head copies the event but not actorId, so it stays out of the ByActor index. It
        // expires with the newest event, which is when the whole chain has expired.
        var head = Item(subject, Keys.AuditHead, auditEvent);
        head[Attrs.Hash] = S(auditEvent.Hash);
        head[Attrs.ExpiresAt] = expiresAt;
        var headPut = new Put { TableName = db.Table(Table), Item = head };
        if (auditEvent.PrevHash is { } prev)
        {
            headPut.ConditionExpression = "#hash = :prev";
            headPut.ExpressionAttributeNames = new Dictionary<string, string> { ["#hash"] = Attrs.Hash };
            headPut.ExpressionAttributeValues = Values((":prev", S(prev)));
        }
        else
        {
            headPut.ConditionExpression = "attribute_not_exists(pk)";
        }

        List<TransactWriteItem> writes =
        [
            new() { Put = new Put { TableName = db.Table(Table), Item = eventItem, ConditionExpression = "attribute_not_exists(pk)" } },
            new() { Put = headPut },
        ];
        try
        {
            await db.TransactWriteAsync("AppendAudit", writes, ct);
        }
        catch (TransactionCanceledException canceled) when (canceled.FailedAt(1))
        {
            throw new PreconditionFailedException("The audit chain moved on; read the head again.");
        }
        catch (TransactionCanceledException canceled) when (canceled.FailedAt(0))
        {
            throw new ConflictException("An audit event with this id exists already.");
        }
    }

    public async Task<Page<AuditEvent>> ListBySubjectAsync(string subject, PageRequest page, CancellationToken ct)
    {
        var (items, next) = await db.QueryPageAsync("ListAuditBySubject", EventsOf(subject, newestFirst: true), Table, page, ct);
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
        var (items, next) = await db.QueryPageAsync("ListAuditByActor", query, Table, page, ct);
        return new Page<AuditEvent>(items.Select(Read<AuditEvent>).ToList(), next);
    }

    /// <summary>
    /// DynamoDB's TTL on expiresAt deletes expired events (and heads) itself, at no write cost;
    /// finding them here would need a Scan, so this fallback has nothing to do.
    /// </summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, int limit, CancellationToken ct) => Task.FromResult(0);

    private QueryRequest EventsOf(string subject, bool newestFirst) => new()
    {
        TableName = db.Table(Table),
        KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues = Values((":pk", S(Keys.AuditSubject(subject))), (":prefix", S(Keys.AuditEventPrefix))),
        ScanIndexForward = !newestFirst,
        ConsistentRead = true,
    };
}
