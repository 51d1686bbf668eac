using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Milestones;

/// <summary>
/// Storage port for the Milestones table (QP8). The store holds only what the family recorded;
/// the checklist itself is data in UpNest.Schedules, and domain and status filters apply to
/// the evaluated list (status depends on today), so the store reads the baby's partition whole.
/// </summary>
public interface IMilestoneStore
{
    /// <summary>QP8: every record of the baby (catalog achievements and custom milestones), by key.</summary>
    Task<IReadOnlyList<MilestoneEntry>> ListForBabyAsync(BabyAccess access, CancellationToken ct);

    Task<MilestoneEntry?> GetAsync(BabyAccess access, string key, CancellationToken ct);

    /// <summary>Adds a record; <see cref="ConflictException"/> when the key exists.</summary>
    Task CreateAsync(BabyAccess access, MilestoneEntry entry, CancellationToken ct);

    /// <summary>Replaces the record if its version matches (else 412; missing is 404), storing version + 1.</summary>
    Task<MilestoneEntry> UpdateAsync(BabyAccess access, MilestoneEntry entry, long expectedVersion, CancellationToken ct);
}
