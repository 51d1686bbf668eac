using System.Globalization;
using UpNest.Core.Common;

namespace UpNest.Core.Audit;

/// <summary>
/// The hash that links a subject's events. Each event's hash covers its own fields and the
/// previous event's hash, so changing, removing or reordering a stored event breaks the chain
/// at that event.
/// </summary>
public static class AuditChain
{
    public static string ComputeHash(AuditEvent e) => Hashing.Sha256Hex(string.Join('|',
        e.PrevHash ?? string.Empty,
        e.Id,
        e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        e.ActorId,
        e.Action,
        e.Resource,
        e.Outcome,
        e.RequestId ?? string.Empty,
        e.ClientAddressHash ?? string.Empty));

    /// <summary>Reads the chain oldest first and names the first event that does not fit.</summary>
    public static async Task<ChainVerification> VerifyAsync(IAsyncEnumerable<AuditEvent> chain, CancellationToken ct)
    {
        string? previous = null;
        var count = 0;
        await foreach (var e in chain.WithCancellation(ct))
        {
            count++;
            if (!string.Equals(e.PrevHash, previous, StringComparison.Ordinal))
            {
                return new ChainVerification(count, e.Id, "its prevHash does not match the hash of the event before it");
            }
            if (!string.Equals(e.Hash, ComputeHash(e), StringComparison.Ordinal))
            {
                return new ChainVerification(count, e.Id, "its fields do not match its hash");
            }
            previous = e.Hash;
        }
        return new ChainVerification(count, null, null);
    }
}

/// <summary>
/// The result of a verification: <see cref="Count"/> events read (up to and including the broken
/// one), and the id of the first broken link with the reason, or nulls when the chain is intact.
/// </summary>
public sealed record ChainVerification(int Count, string? BrokenEventId, string? Reason)
{
    public bool IsIntact => BrokenEventId is null;
}
