using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Schedules.Milestones;

namespace UpNest.Core.Milestones;

/// <summary>The baby's milestone list on a day, with the version of each stored record.</summary>
public sealed record MilestoneList(MilestoneReport Report, IReadOnlyList<MilestoneView> Items, IReadOnlyDictionary<string, long> Versions);

/// <summary>
/// Milestones as the family sees them: the checklist bands up to the (corrected) age plus the
/// next, the WHO motor milestones, and their own ones; evaluated on read against today.
/// </summary>
public sealed class MilestoneService(IMilestoneStore store, IUserStore users, IIdGenerator ids, TimeProvider clock)
{
    public const string CustomPrefix = "custom-";

    /// <summary>QP8: the evaluated list, filtered by domain and status.</summary>
    public async Task<MilestoneList> ListAsync(BabyAccess access, MilestoneDomain? domain, MilestoneStatus? status, CancellationToken ct)
    {
        var entries = await store.ListForBabyAsync(access, ct);
        var report = Evaluate(access.Baby, entries, await TodayAsync(access, ct));
        var items = report.Milestones.Where(m => (domain is null || m.Domain == domain) && (status is null || m.Status == status)).ToList();
        return new MilestoneList(report, items, entries.ToDictionary(e => e.Key, e => e.Version, StringComparer.Ordinal));
    }

    /// <summary>One milestone; a catalog milestone of a band not shown yet can be read too (it is upcoming).</summary>
    public async Task<(MilestoneView View, long? Version)> GetAsync(BabyAccess access, string key, CancellationToken ct)
    {
        var entries = await store.ListForBabyAsync(access, ct);
        var report = Evaluate(access.Baby, entries, await TodayAsync(access, ct), key);
        var view = report.Milestones.FirstOrDefault(m => m.Key == key) ?? throw new NotFoundException("milestone");
        return (view, entries.FirstOrDefault(e => e.Key == key)?.Version);
    }

    /// <summary>Records (or changes) when a milestone was achieved and the note; an unknown key is 404.</summary>
    public async Task<(MilestoneView View, long? Version)> PutAsync(BabyAccess access, string key, MilestoneInput input, long? expectedVersion, CancellationToken ct)
    {
        RequireWriter(access);
        var current = await store.GetAsync(access, key, ct);
        if (current is null && MilestoneCatalog.Find(key) is null)
        {
            throw new NotFoundException("milestone");
        }
        if (expectedVersion is { } v && v != (current?.Version ?? 0))
        {
            throw new PreconditionFailedException();
        }
        var now = clock.GetUtcNow();
        var entry = current ?? new MilestoneEntry { Key = key, BabyId = access.BabyId, CreatedBy = access.ActorId, CreatedAt = now };
        var errors = new ValidationErrors();
        if (!entry.IsCustom && (input.Title.IsSet || input.Domain.IsSet || input.ExpectedAgeMonths.IsSet))
        {
            errors.Add("title", "Only custom milestones have an editable title, domain and expected age.");
        }
        entry = await ApplyAsync(access, entry, input, errors, ct) with { UpdatedAt = now };
        errors.ThrowIfAny();
        var saved = current is null ? await CreateAsync(access, entry, ct) : await store.UpdateAsync(access, entry, current.Version, ct);
        return ((await GetAsync(access, saved.Key, ct)).View, saved.Version);
    }

    /// <summary>Adds a milestone of the family's own (title and domain required).</summary>
    public async Task<(MilestoneView View, long Version)> CreateCustomAsync(BabyAccess access, MilestoneInput input, CancellationToken ct)
    {
        RequireWriter(access);
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (input.Title.Value is null)
        {
            errors.Add("title", "A title is required.");
        }
        if (input.Domain.Value is null)
        {
            errors.Add("domain", "A domain is required.");
        }
        var blank = new MilestoneEntry { Key = CustomPrefix + ids.NewId(), BabyId = access.BabyId, Title = string.Empty, CreatedBy = access.ActorId, CreatedAt = now, UpdatedAt = now };
        var entry = await ApplyAsync(access, blank, input, errors, ct);
        errors.ThrowIfAny();
        var saved = await CreateAsync(access, entry, ct);
        return ((await GetAsync(access, saved.Key, ct)).View, saved.Version);
    }

    private async Task<MilestoneEntry> CreateAsync(BabyAccess access, MilestoneEntry entry, CancellationToken ct)
    {
        await store.CreateAsync(access, entry, ct);
        return entry;
    }

    private async Task<MilestoneEntry> ApplyAsync(BabyAccess access, MilestoneEntry entry, MilestoneInput input, ValidationErrors errors, CancellationToken ct)
    {
        var today = await TodayAsync(access, ct);
        if (input.AchievedOn.Value is { } achieved && achieved > today)
        {
            errors.Add("achievedOn", "A milestone cannot be achieved in the future.");
        }
        if (input.AchievedOn.Value is { } day && day < access.Baby.DateOfBirth)
        {
            errors.Add("achievedOn", "A milestone cannot be achieved before the date of birth.");
        }
        if (input.Note.Value is { Length: > 2000 })
        {
            errors.Add("note", "A note can have at most 2000 characters.");
        }
        var title = input.Title.IsSet ? input.Title.Value?.Trim() : entry.Title;
        if (entry.IsCustom && input.Title.IsSet && (string.IsNullOrEmpty(title) || title.Length > 200))
        {
            errors.Add("title", "A title of 1 to 200 characters is required.");
        }
        if (input.ExpectedAgeMonths.Value is { } months && months is < 0 or > 240)
        {
            errors.Add("expectedAgeMonths", "Must be between 0 and 240 months.");
        }
        if (entry.IsCustom && input.Domain.IsSet && input.Domain.Value is null)
        {
            errors.Add("domain", "The domain cannot be cleared.");
        }
        return entry with
        {
            AchievedOn = input.AchievedOn.Or(entry.AchievedOn),
            Note = input.Note.Or(entry.Note),
            Title = entry.IsCustom ? title : null,
            Domain = entry.IsCustom ? input.Domain.Value ?? entry.Domain : null,
            ExpectedAgeMonths = entry.IsCustom
                ? (input.ExpectedAgeMonths.IsSet ? (decimal?)input.ExpectedAgeMonths.Value : entry.ExpectedAgeMonths)
                : null,
        };
    }

    private static MilestoneReport Evaluate(Baby baby, IReadOnlyList<MilestoneEntry> entries, DateOnly today, string? alsoKey = null)
    {
        var day = today < baby.DateOfBirth ? baby.DateOfBirth : today;
        var achieved = entries.Where(e => !e.IsCustom).Select(e => new MilestoneRecord(e.Key, e.AchievedOn, e.Note)).ToList();
        var custom = entries.Where(e => e.IsCustom && e.Domain is not null)
            .Select(e => new CustomMilestone(e.Key, e.Title!, e.Domain!.Value, e.ExpectedAgeMonths, e.AchievedOn, e.Note)).ToList();
        var report = MilestoneEvaluator.Evaluate(baby.DateOfBirth, baby.GestationalAgeWeeks, baby.GestationalAgeDays, day, achieved, custom);
        if (alsoKey is null || MilestoneCatalog.Find(alsoKey) is null || report.Milestones.Any(m => m.Key == alsoKey))
        {
            return report;
        }
        // The evaluator shows a later band's milestone once it has a date: borrow that to describe it, then take the date back.
        var probe = MilestoneEvaluator.Evaluate(baby.DateOfBirth, baby.GestationalAgeWeeks, baby.GestationalAgeDays, day,
            [new MilestoneRecord(alsoKey, baby.DateOfBirth)], custom);
        var view = probe.Milestones.First(m => m.Key == alsoKey) with { Status = MilestoneStatus.Upcoming, AchievedOn = null, AchievedAgeMonths = null, AchievedWithinWindow = null };
        return report with { Milestones = [.. report.Milestones, view] };
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
