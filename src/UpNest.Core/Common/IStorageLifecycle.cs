namespace UpNest.Core.Common;

/// <summary>What the host needs from whichever store runs: set-up at start and a readiness probe.</summary>
public interface IStorageLifecycle
{
    /// <summary>Applies migrations (SQLite) or checks/creates tables (DynamoDB) before serving.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>True when a cheap round trip to the store succeeds.</summary>
    Task<bool> IsReadyAsync(CancellationToken ct);
}
