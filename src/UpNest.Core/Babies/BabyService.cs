using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Core.Users;

namespace UpNest.Core.Babies;

public sealed class BabyService(
    IBabyStore babies,
    IUserStore users,
    IIdGenerator ids,
    TimeProvider clock,
    IEnumerable<IBabyChangeListener> listeners,
    IMeasurementStore measurements)
{
    public async Task<BabyWithRole> CreateAsync(string userId, BabyPatch input, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct) ?? throw new NotFoundException("user");
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (!input.Name.IsSet || input.Name.Value is null)
        {
            errors.Add("name", "A name is required.");
        }
        if (input.Sex.Value is null)
        {
            errors.Add("sex", "Sex is required (male or female): the WHO standards differ by sex.");
        }
        if (input.DateOfBirth.Value is null)
        {
            errors.Add("dateOfBirth", "The date of birth is required.");
        }
        var baby = Apply(new Baby { Id = ids.NewId(), Name = string.Empty, CreatedBy = userId, CreatedAt = now, UpdatedAt = now }, input)
            with { Country = input.Country.Value?.Trim().ToUpperInvariant() ?? user.Country };
        if (errors.IsEmpty)
        {
            BabyRules.Validate(baby, UserClock.Today(clock, user.TimeZone), errors);
        }
        errors.ThrowIfAny();

        var grant = new AccessGrant { BabyId = baby.Id, UserId = userId, Role = Role.Owner, Since = now, GrantedBy = userId };
        await babies.CreateAsync(baby, grant, ct);
        await NotifyAsync(new BabyAccess(baby, userId, Role.Owner), created: true, ct);
        return new BabyWithRole(baby, Role.Owner);
    }

    public Task<Page<BabyWithRole>> ListAsync(string userId, PageRequest page, CancellationToken ct) =>
        babies.ListForUserAsync(userId, page, ct);

    public async Task<Baby> UpdateAsync(BabyAccess access, BabyPatch patch, long? expectedVersion, CancellationToken ct)
    {
        var current = access.Baby;
        if (expectedVersion is { } v && v != current.Version)
        {
            throw new PreconditionFailedException();
        }
        var errors = new ValidationErrors();
        if (patch.Name.IsSet && patch.Name.Value is null)
        {
            errors.Add("name", "The name cannot be cleared.");
        }
        if (patch.Sex.IsSet && patch.Sex.Value is null)
        {
            errors.Add("sex", "Sex cannot be cleared.");
        }
        if (patch.DateOfBirth.IsSet && patch.DateOfBirth.Value is null)
        {
            errors.Add("dateOfBirth", "The date of birth cannot be cleared.");
        }
        if (patch.DateOfBirth.Value is { } born && born > current.DateOfBirth
            && (await measurements.ListAsync(access, null, born.AddDays(-1), new PageRequest(1), ct)).Items.Count > 0)
        {
            errors.Add("dateOfBirth", "Some measurements are dated before this date of birth; change or delete them first.");
        }
        var updated = Apply(current, patch) with { UpdatedAt = clock.GetUtcNow() };
        var user = await users.GetAsync(access.ActorId, ct);
        BabyRules.Validate(updated, UserClock.Today(clock, user?.TimeZone), errors);
        errors.ThrowIfAny();
        if (updated with { UpdatedAt = current.UpdatedAt } == current)
        {
            // A patch that changes nothing writes nothing: the version (ETag) stays as it is.
            return current;
        }

        var saved = await babies.UpdateAsync(access, updated, current.Version, ct);
        if (saved.DateOfBirth != current.DateOfBirth || !string.Equals(saved.Country, current.Country, StringComparison.Ordinal))
        {
            await NotifyAsync(new BabyAccess(saved, access.ActorId, access.Role), created: false, ct);
        }
        return saved;
    }

    /// <summary>Soft delete: hidden at once, restorable during the grace period, then purged.</summary>
    public async Task DeleteAsync(BabyAccess access, long? expectedVersion, CancellationToken ct)
    {
        RequireOwner(access);
        if (expectedVersion is { } v && v != access.Baby.Version)
        {
            throw new PreconditionFailedException();
        }
        var now = clock.GetUtcNow();
        await babies.UpdateAsync(access, access.Baby with { DeletedAt = now, UpdatedAt = now }, access.Baby.Version, ct);
    }

    public async Task<Baby> RestoreAsync(BabyAccess access, CancellationToken ct)
    {
        RequireOwner(access);
        if (access.Baby.DeletedAt is null)
        {
            return access.Baby;
        }
        return await babies.UpdateAsync(access, access.Baby with { DeletedAt = null, UpdatedAt = clock.GetUtcNow() }, access.Baby.Version, ct);
    }

    private static void RequireOwner(BabyAccess access)
    {
        if (!access.IsOwner)
        {
            throw new ForbiddenException("Only an owner can do this.");
        }
    }

    private async Task NotifyAsync(BabyAccess access, bool created, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            await listener.OnBabyChangedAsync(access, created, ct);
        }
    }

    private static Baby Apply(Baby baby, BabyPatch p) => baby with
    {
        Name = p.Name.Or(baby.Name)?.Trim() ?? baby.Name,
        Sex = p.Sex.Value ?? baby.Sex,
        DateOfBirth = p.DateOfBirth.Value ?? baby.DateOfBirth,
        GestationalAgeWeeks = p.GestationalAgeWeeks.Or(baby.GestationalAgeWeeks),
        GestationalAgeDays = p.GestationalAgeDays.Or(baby.GestationalAgeDays),
        BirthWeightKg = p.BirthWeightKg.Or(baby.BirthWeightKg),
        BirthLengthCm = p.BirthLengthCm.Or(baby.BirthLengthCm),
        BirthHeadCircumferenceCm = p.BirthHeadCircumferenceCm.Or(baby.BirthHeadCircumferenceCm),
        Country = p.Country.IsSet ? p.Country.Value?.Trim().ToUpperInvariant() : baby.Country,
        Notes = p.Notes.Or(baby.Notes),
    };
}
