using System.Diagnostics;
using UpNest.Core.Common;
using UpNest.Core.Telemetry;

namespace UpNest.Core.Audit;

/// <summary>The outcomes an event records.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string Failed = "failed";
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
/// Appends events to a subject's hash chain. The append is conditional on the chain head, so
/// concurrent writers never fork a chain: the loser reads the new head and tries again.
/// </summary>
public sealed class AuditTrail(IAuditStore store, IIdGenerator ids, TimeProvider clock, AuditRetention retention)
{
    private const int Attempts = 5;

    /// <summary>Appends the event, inside an "audit.append" span, counting it as written or failed.</summary>
    public async Task<AuditEvent> RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        using var span = UpNestMetrics.Tracing.StartActivity("audit.append");
        span?.SetTag("upnest.audit.action", entry.Action);
        try
        {
            var appended = await AppendToChainAsync(entry, ct);
            UpNestMetrics.AuditEventWritten();
            return appended;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            UpNestMetrics.AuditEventFailed();
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task<AuditEvent> AppendToChainAsync(AuditEntry entry, CancellationToken ct)
    {
        var addressHash = entry.ClientAddress is { Length: > 0 } address ? HashAddress(address) : null;
        for (var attempt = 1; ; attempt++)
        {
            var head = await store.GetHeadAsync(entry.Subject, ct);
            var at = clock.GetUtcNow();
            var draft = new AuditEvent
            {
                Subject = entry.Subject,
                Id = ids.NewId(),
                At = at,
                ActorId = entry.ActorId,
                Action = entry.Action,
                Resource = entry.Resource,
                Outcome = entry.Outcome,
                RequestId = entry.RequestId,
                ClientAddressHash = addressHash,
                PrevHash = head?.Hash,
                Hash = string.Empty,
                ExpiresAt = at.AddDays(retention.Days),
            };
            var sealedEvent = draft with { Hash = AuditChain.ComputeHash(draft) };
            try
            {
                await store.AppendAsync(sealedEvent, ct);
                return sealedEvent;
            }
            catch (PreconditionFailedException) when (attempt < Attempts)
            {
                // Another request appended to this subject first; chain onto its event instead.
            }
        }
    }

    /// <summary>
    /// 16 hex digits of SHA-256: enough to tell "same place as usual" from "somewhere new" in an
    /// investigation, too short to serve as an address book. An IPv4 hash can still be reversed by
    /// brute force, which is why only the truncated form is kept and it is never shown to clients.
    /// </summary>
    public static string HashAddress(string address) => Hashing.Sha256Hex("upnest-client-address|" + address)[..16];
}
