using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

/// <summary>IReminderOutbox: idempotent adds, undelivered oldest first, delivery marks.</summary>
public abstract class ReminderOutboxContract(StoreHarness harness)
{
    private readonly IReminderOutbox _outbox = harness.Get<IReminderOutbox>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task The_same_reminder_twice_is_kept_once_and_delivered_ones_leave_the_list()
    {
        var access = await TestData.NewBabyAsync(harness);
        var at = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(0, 100_000));
        var reminders = Enumerable.Range(1, 5).Select(i => new Reminder(
            TestData.NewId(), "user-1", access.BabyId, "DTaP", i, new DateOnly(2026, 3, 1).AddDays(i), at.AddSeconds(i))).ToList();
        foreach (var reminder in reminders)
        {
            Assert.True(await _outbox.AddAsync(reminder, _ct));
        }
        Assert.False(await _outbox.AddAsync(reminders[0], _ct));

        await _outbox.MarkDeliveredAsync(reminders[1].Id, at.AddHours(1), _ct);

        var mine = (await AllAsync()).Where(r => r.BabyId == access.BabyId).ToList();
        Assert.Equal(reminders.Where((_, i) => i != 1).Select(r => r.Id), mine.Select(r => r.Id));
        Assert.Equal(reminders[2], mine[1]);
        await Assert.ThrowsAsync<NotFoundException>(() => _outbox.MarkDeliveredAsync("missing", at, _ct));
    }

    private async Task<List<Reminder>> AllAsync()
    {
        var all = new List<Reminder>();
        string? after = null;
        do
        {
            var page = await _outbox.ListUndeliveredAsync(new PageRequest(2, after), _ct);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }
}
