using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Measurements;

/// <summary>Storage port for growth measurements (QP5, QP6).</summary>
public interface IMeasurementStore
{
    Task CreateAsync(BabyAccess access, Measurement measurement, CancellationToken ct);

    Task<Measurement?> GetAsync(BabyAccess access, string measurementId, CancellationToken ct);

    /// <summary>QP5: measurements with from &lt;= measuredOn &lt;= to, oldest first (ties by id).</summary>
    Task<Page<Measurement>> ListAsync(BabyAccess access, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct);

    /// <summary>QP6: the most recent measurement (by measuredOn, then id).</summary>
    Task<Measurement?> GetLatestAsync(BabyAccess access, CancellationToken ct);

    /// <summary>Replaces the measurement if its version matches (else 412), storing version + 1.</summary>
    Task<Measurement> UpdateAsync(BabyAccess access, Measurement measurement, long expectedVersion, CancellationToken ct);

    /// <summary>Deletes it; with an expected version, 412 when stale. Missing is <see cref="NotFoundException"/>.</summary>
    Task DeleteAsync(BabyAccess access, string measurementId, long? expectedVersion, CancellationToken ct);
}
