using UpNest.Core.Telemetry;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Core.Measurements;

public sealed class MeasurementService(IMeasurementStore measurements, IUserStore users, IIdGenerator ids, TimeProvider clock)
{
    public async Task<Measurement> CreateAsync(BabyAccess access, MeasurementPatch input, CancellationToken ct)
    {
        RequireWriter(access);
        var errors = new ValidationErrors();
        if (input.MeasuredOn.Value is null)
        {
            errors.Add("measuredOn", "The date of the measurement is required.");
        }
        var now = clock.GetUtcNow();
        var blank = new Measurement { Id = ids.NewId(), BabyId = access.BabyId, CreatedBy = access.ActorId, CreatedAt = now, UpdatedAt = now };
        var measurement = MeasurementRules.Apply(blank, input, errors);
        if (errors.IsEmpty)
        {
            MeasurementRules.Validate(measurement, access.Baby, await TodayAsync(access, ct), errors);
        }
        errors.ThrowIfAny();
        await measurements.CreateAsync(access, measurement, ct);
        UpNestMetrics.MeasurementRecorded();
        return measurement;
    }

    public async Task<Measurement> GetAsync(BabyAccess access, string id, CancellationToken ct) =>
        await measurements.GetAsync(access, id, ct) ?? throw new NotFoundException("measurement");

    public Task<Page<Measurement>> ListAsync(BabyAccess access, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new ValidationException("from", "from must not be after to.");
        }
        return measurements.ListAsync(access, from, to, page, ct);
    }

    public async Task<Measurement> UpdateAsync(BabyAccess access, string id, MeasurementPatch patch, long? expectedVersion, CancellationToken ct)
    {
        RequireWriter(access);
        var current = await GetAsync(access, id, ct);
        if (expectedVersion is { } v && v != current.Version)
        {
            throw new PreconditionFailedException();
        }
        var errors = new ValidationErrors();
        if (patch.MeasuredOn.IsSet && patch.MeasuredOn.Value is null)
        {
            errors.Add("measuredOn", "The date cannot be cleared.");
        }
        var updated = MeasurementRules.Apply(current, patch, errors) with { UpdatedAt = clock.GetUtcNow() };
        if (errors.IsEmpty)
        {
            MeasurementRules.Validate(updated, access.Baby, await TodayAsync(access, ct), errors);
        }
        errors.ThrowIfAny();
        if (updated with { UpdatedAt = current.UpdatedAt } == current)
        {
            return current;
        }
        return await measurements.UpdateAsync(access, updated, current.Version, ct);
    }

    public async Task DeleteAsync(BabyAccess access, string id, long? expectedVersion, CancellationToken ct)
    {
        RequireWriter(access);
        await measurements.DeleteAsync(access, id, expectedVersion, ct);
    }

    private static void RequireWriter(BabyAccess access)
    {
        if (!access.CanWrite)
        {
            throw new ForbiddenException("Viewers can read records but not change them.");
        }
    }

    private async Task<DateOnly> TodayAsync(BabyAccess access, CancellationToken ct)
    {
        var user = await users.GetAsync(access.ActorId, ct);
        return UserClock.Today(clock, user?.TimeZone);
    }
}
