using UpNest.Core.Audit;

namespace UpNest.Api.Audit;

/// <summary>An audit event as clients see it (DESIGN.md "Audit events"); the address hash stays inside.</summary>
public sealed record AuditEventResponse(
    string Id, DateTimeOffset At, string ActorId, string Action, string Resource, string Outcome,
    string? RequestId, string Hash, string? PrevHash, string Subject)
{
    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Id, e.At, e.ActorId, e.Action, e.Resource, e.Outcome, e.RequestId, e.Hash, e.PrevHash, e.Subject);
}
