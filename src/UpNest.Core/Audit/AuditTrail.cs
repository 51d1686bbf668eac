using UpNest.Core.Common;
using UpNest.Core.Telemetry;

namespace UpNest.Core.Audit;

/// <summary>The outcomes an event records.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string Failed = "failed";

    /// <summary>A change about to run: stored before it, so a change that commits is never unaudited.</summary>
    public const string Attempted = "attempted";
}

/// <summary>How long events are kept (Retention:AuditDays); set by the host.</summary>
public sealed record AuditRetention(int Days)
{
    public static readonly AuditRetention Default = new(2190);
}

/// <summary>
/// What happened, as the caller describes it. <see cref="Subject"/> is the baby id for baby data
/// and the user id for account events; <see cref="Resource"/> is "type:id". The client address is
/// never stored, only a truncated hash of it.
/// </summary>
public sealed record AuditEntry(
    string Subject, string ActorId, string Action, string Resource, string Outcome, string? RequestId, string? ClientAddress);

/// <summary>
/// Records what happened on a subject's hash chain. The event is stamped here (id, time, address
/// hash) and chained and stored by the process's one <see cref="AuditWriter"/>; the call returns
/// when the event is durable, so a caller that answers afterwards has been audited first.
/// </summary>
public sealed class AuditTrail(AuditWriter writer, IIdGenerator ids, TimeProvider clock, AuditRetention retention)
{
    /// <summary>Hands the event to the writer inside an "audit.append" span; the writer's batch span links back to it.</summary>
    public async Task<AuditEvent> RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        using var span = UpNestMetrics.Tracing.StartActivity("audit.append");
        span?.SetTag("upnest.audit.action", entry.Action);
        var at = clock.GetUtcNow();
        return await writer.WriteAsync(new AuditEvent
        {
            Subject = entry.Subject,
            Id = ids.NewId(),
            At = at,
            ActorId = entry.ActorId,
            Action = entry.Action,
            Resource = entry.Resource,
            Outcome = entry.Outcome,
            RequestId = entry.RequestId,
            ClientAddressHash = entry.ClientAddress is { Length: > 0 } address ? HashAddress(address) : null,
            Hash = string.Empty,
            ExpiresAt = at.AddDays(retention.Days),
        }, ct);
    }

    /// <summary>
    /// 16 hex digits of SHA-256: enough to tell "same place as usual" from "somewhere new" in an
    /// investigation, too short to serve as an address book. An IPv4 hash can still be reversed by
    /// brute force, which is why only the truncated form is kept and it is never shown to clients.
    /// </summary>
    public static string HashAddress(string address) => Hashing.Sha256Hex("upnest-client-address|" + address)[..16];
}
