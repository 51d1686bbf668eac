using UpNest.Core.Common;

namespace UpNest.Core.Audit;

/// <summary>
/// One append-only audit event. Events of a subject (a baby or a user) form a hash chain:
/// <see cref="Hash"/> covers the event's fields and <see cref="PrevHash"/>.
/// </summary>
public sealed record AuditEvent
{
    public required string Subject { get; init; }
    public required string Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string Action { get; init; }
    public required string Resource { get; init; }
    public required string Outcome { get; init; }
    public string? RequestId { get; init; }
    public string? ClientAddressHash { get; init; }
    public string? PrevHash { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The event's place in its subject's chain: 1 for the first event, head + 1 after.</summary>
    public long Position { get; init; }
}

/// <summary>Storage port for the audit log (append-only, chained per subject).</summary>
public interface IAuditStore
{
    /// <summary>The newest event of the subject, the head of its chain.</summary>
    Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct);

    /// <summary>
    /// Stores a batch of events (SQLite: one transaction, one fsync; DynamoDB: one call per
    /// subject, in parallel). Events of one subject come in chain order and the first of them
    /// chains onto the subject's stored head (<see cref="AuditEvent.PrevHash"/> null and
    /// <see cref="AuditEvent.Position"/> 1 for a new chain). A subject whose head another writer
    /// moved on is skipped whole and returned, to be re-chained; every other subject's events are
    /// stored. Any other failure throws.
    /// </summary>
    Task<IReadOnlyCollection<string>> AppendBatchAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct);

    /// <summary>The subject's events, newest first.</summary>
    Task<Page<AuditEvent>> ListBySubjectAsync(string subject, PageRequest page, CancellationToken ct);

    /// <summary>The subject's events, oldest first, for chain verification.</summary>
    IAsyncEnumerable<AuditEvent> ReadChainAsync(string subject, CancellationToken ct);

    /// <summary>Events by an actor, newest first (ByActor index).</summary>
    Task<Page<AuditEvent>> ListByActorAsync(string actorId, PageRequest page, CancellationToken ct);

    /// <summary>Removes events whose expiry has passed (DynamoDB: TTL does it; this is the fallback).</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, int limit, CancellationToken ct);
}

