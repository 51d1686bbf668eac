using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Users;

namespace UpNest.Core.Retention;

/// <summary>What one purge run removed.</summary>
public sealed record PurgeReport(int Babies, int Users, int AuditEvents);

/// <summary>
/// Removes for good what was soft-deleted longer ago than the grace period, and audit events
/// past their retention. Runs as a background job; idempotent, so a crash mid-run is harmless.
/// </summary>
public sealed class RetentionService(IBabyStore babies, IUserStore users, IAuditStore audit, TimeProvider clock)
{
    private const int BatchSize = 100;

    public async Task<PurgeReport> PurgeAsync(TimeSpan gracePeriod, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - gracePeriod;

        var purgedBabies = 0;
        foreach (var babyId in await babies.ListDeletedBeforeAsync(cutoff, BatchSize, ct))
        {
            var found = await babies.GetWithGrantAsync(babyId, BabyAccess.SystemActor, ct);
            if (found?.Baby.DeletedAt is { } deletedAt && deletedAt < cutoff)
            {
                await babies.PurgeAsync(BabyAccess.ForSystem(found.Baby), ct);
                purgedBabies++;
            }
        }

        var purgedUsers = 0;
        foreach (var userId in await users.ListDeletedBeforeAsync(cutoff, BatchSize, ct))
        {
            var user = await users.GetAsync(userId, ct);
            if (user?.DeletedAt is { } deletedAt && deletedAt < cutoff)
            {
                await users.PurgeAsync(userId, ct);
                purgedUsers++;
            }
        }

        var expired = await audit.PurgeExpiredAsync(now, 1000, ct);
        return new PurgeReport(purgedBabies, purgedUsers, expired);
    }
}
