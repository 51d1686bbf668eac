using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;

namespace UpNest.Api.Privacy;

/// <summary>Baby notes encrypted at rest, whichever store runs.</summary>
public sealed class ProtectedBabyStore(IBabyStore inner, NoteProtector notes) : IBabyStore
{
    public Task CreateAsync(Baby baby, AccessGrant ownerGrant, CancellationToken ct) => inner.CreateAsync(Seal(baby), ownerGrant, ct);

    public async Task<BabyWithGrant?> GetWithGrantAsync(string babyId, string userId, CancellationToken ct) =>
        await inner.GetWithGrantAsync(babyId, userId, ct) is { } found ? found with { Baby = Open(found.Baby) } : null;

    public async Task<Page<BabyWithRole>> ListForUserAsync(string userId, PageRequest page, CancellationToken ct)
    {
        var result = await inner.ListForUserAsync(userId, page, ct);
        return result with { Items = result.Items.Select(b => b with { Baby = Open(b.Baby) }).ToList() };
    }

    public async Task<Baby> UpdateAsync(BabyAccess access, Baby baby, long expectedVersion, CancellationToken ct) =>
        Open(await inner.UpdateAsync(access, Seal(baby), expectedVersion, ct));

    public Task<IReadOnlyList<AccessGrant>> ListGrantsAsync(BabyAccess access, CancellationToken ct) => inner.ListGrantsAsync(access, ct);

    public Task PutGrantAsync(BabyAccess access, AccessGrant grant, CancellationToken ct) => inner.PutGrantAsync(access, grant, ct);

    public Task RemoveGrantAsync(BabyAccess access, string userId, CancellationToken ct) => inner.RemoveGrantAsync(access, userId, ct);

    public Task<IReadOnlyList<string>> ListDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct) =>
        inner.ListDeletedBeforeAsync(cutoff, limit, ct);

    public Task PurgeAsync(BabyAccess access, CancellationToken ct) => inner.PurgeAsync(access, ct);

    private Baby Seal(Baby baby) => baby with { Notes = notes.Protect(baby.Notes) };

    private Baby Open(Baby baby) => baby with { Notes = notes.Unprotect(baby.Notes) };
}

/// <summary>Measurement notes encrypted at rest, whichever store runs.</summary>
public sealed class ProtectedMeasurementStore(IMeasurementStore inner, NoteProtector notes) : IMeasurementStore
{
    public Task CreateAsync(BabyAccess access, Measurement measurement, CancellationToken ct) => inner.CreateAsync(access, Seal(measurement), ct);

    public async Task<Measurement?> GetAsync(BabyAccess access, string measurementId, CancellationToken ct) =>
        Open(await inner.GetAsync(access, measurementId, ct));

    public async Task<Page<Measurement>> ListAsync(BabyAccess access, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct)
    {
        var result = await inner.ListAsync(access, from, to, page, ct);
        return result with { Items = result.Items.Select(m => Open(m)!).ToList() };
    }

    public async Task<Measurement?> GetLatestAsync(BabyAccess access, CancellationToken ct) => Open(await inner.GetLatestAsync(access, ct));

    public async Task<Measurement> UpdateAsync(BabyAccess access, Measurement measurement, long expectedVersion, CancellationToken ct) =>
        Open(await inner.UpdateAsync(access, Seal(measurement), expectedVersion, ct))!;

    public Task DeleteAsync(BabyAccess access, string measurementId, long? expectedVersion, CancellationToken ct) =>
        inner.DeleteAsync(access, measurementId, expectedVersion, ct);

    private Measurement Seal(Measurement m) => m with { Note = notes.Protect(m.Note) };

    private Measurement? Open(Measurement? m) => m is null ? null : m with { Note = notes.Unprotect(m.Note) };
}
