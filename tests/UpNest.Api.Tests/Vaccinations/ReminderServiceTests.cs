using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UpNest.Core;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Core.Vaccinations;
using UpNest.Storage.Sqlite;

namespace UpNest.Api.Tests.Vaccinations;

/// <summary>The reminder job's work, on the real SQLite store with a fake clock, without the host.</summary>
public sealed class ReminderServiceTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "upnest-tests", $"reminders-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSqliteStorage(_path);
        services.AddUpNestCore();
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_run_writes_one_reminder_per_dose_due_within_a_week_per_owner_and_caregiver_and_a_second_run_none()
    {
        var (owner, babyId) = await NewBabyAsync(new DateOnly(2026, 1, 1));
        var caregiver = await NewUserAsync();
        var viewer = await NewUserAsync();
        var babies = _services.GetRequiredService<IBabyStore>();
        var access = await _services.GetRequiredService<BabyAuthorizer>().AuthorizeAsync(owner, babyId, Role.Owner, CancellationToken.None);
        await babies.PutGrantAsync(access, Grant(babyId, caregiver, Role.Caregiver, owner), CancellationToken.None);
        await babies.PutGrantAsync(access, Grant(babyId, viewer, Role.Viewer, owner), CancellationToken.None);
        var reminders = _services.GetRequiredService<ReminderService>();
        var today = new DateOnly(2026, 3, 1);

        var written = await reminders.RunAsync(today, CancellationToken.None);
        var again = await reminders.RunAsync(today, CancellationToken.None);
        var nextDay = await reminders.RunAsync(today.AddDays(1), CancellationToken.None);

        // Born 1 Jan: DTaP 1, IPV 1, Hib 1, PCV 1 and RV 1 are due at 61 days (3 Mar), within the week.
        var outbox = await AllAsync();
        var expected = (await _services.GetRequiredService<IVaccinationStore>().ListForBabyAsync(access, CancellationToken.None))
            .Count(d => d.PendingDueOn is { } due && due >= today && due <= today.AddDays(ReminderService.LeadDays));
        Assert.True(expected >= 5, $"expected several doses in the window, got {expected}");
        Assert.Equal(expected * 2, written);
        Assert.Equal(0, again);
        Assert.Equal(outbox.Count, written + nextDay);
        Assert.Equal(outbox.Count, outbox.Select(r => r.Id).Distinct().Count());
        Assert.Equal(new[] { caregiver, owner }.Order(StringComparer.Ordinal), outbox.Select(r => r.UserId).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outbox, r => r.UserId == viewer);
        Assert.All(outbox, r => Assert.InRange(r.DueOn, today, today.AddDays(ReminderService.LeadDays + 1)));
    }

    [Fact]
    public async Task Doses_already_given_leave_the_due_index_and_get_no_reminder()
    {
        var (owner, babyId) = await NewBabyAsync(new DateOnly(2025, 12, 31));
        var access = await _services.GetRequiredService<BabyAuthorizer>().AuthorizeAsync(owner, babyId, Role.Owner, CancellationToken.None);
        var store = _services.GetRequiredService<IVaccinationStore>();
        var today = new DateOnly(2026, 3, 1);
        var window = (await store.ListForBabyAsync(access, CancellationToken.None))
            .Where(d => d.PendingDueOn is { } due && due >= today && due <= today.AddDays(ReminderService.LeadDays)).ToList();
        Assert.NotEmpty(window);
        foreach (var dose in window)
        {
            await store.UpdateAsync(access, dose with { Given = new DoseGiven { GivenOn = today.AddDays(-1) } }, dose.Version, CancellationToken.None);
        }

        Assert.Equal(0, await _services.GetRequiredService<ReminderService>().RunAsync(today, CancellationToken.None));
        var due = await store.ListDueBetweenAsync(today, today.AddDays(ReminderService.LeadDays), new PageRequest(50), CancellationToken.None);
        Assert.DoesNotContain(due.Items, d => d.BabyId == babyId);
    }

    private async Task<List<Reminder>> AllAsync()
    {
        var all = new List<Reminder>();
        string? after = null;
        do
        {
            var page = await _services.GetRequiredService<IReminderOutbox>().ListUndeliveredAsync(new PageRequest(7, after), CancellationToken.None);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }

    private async Task<(string Owner, string BabyId)> NewBabyAsync(DateOnly born)
    {
        var owner = await NewUserAsync();
        var baby = await _services.GetRequiredService<BabyService>().CreateAsync(owner, new BabyPatch
        {
            Name = Optional<string>.Of("Ada"), Sex = Optional<Sex?>.Of(Sex.Female), DateOfBirth = Optional<DateOnly?>.Of(born),
        }, CancellationToken.None);
        return (owner, baby.Baby.Id);
    }

    private async Task<string> NewUserAsync()
    {
        var user = new User { Id = Guid.NewGuid().ToString("N"), Email = $"{Guid.NewGuid():N}@example.test", DisplayName = "P", CreatedAt = _clock.GetUtcNow() };
        await _services.GetRequiredService<IUserStore>().CreateAsync(user, CancellationToken.None);
        return user.Id;
    }

    private AccessGrant Grant(string babyId, string userId, Role role, string by) =>
        new() { BabyId = babyId, UserId = userId, Role = role, Since = _clock.GetUtcNow(), GrantedBy = by };
}
