using UpNest.Core.Audit;
using UpNest.Core.Common;

namespace UpNest.Api.Audit;

public static class AuditRecording
{
    /// <summary>Records the event or fails the request with a 503: nothing is answered unaudited.</summary>
    public static async Task RecordAsync(AuditTrail trail, AuditEntry entry, CancellationToken ct)
    {
        try
        {
            await trail.RecordAsync(entry, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreUnavailableException)
        {
            throw new StoreUnavailableException(TimeSpan.FromSeconds(5), e);
        }
    }
}
