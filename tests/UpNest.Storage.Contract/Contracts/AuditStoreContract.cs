using UpNest.Core.Audit;
using UpNest.Core.Common;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class AuditStoreContract(StoreHarness harness)
{
    private readonly IAuditStore _audit = harness.Get<IAuditStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    private async Task<List<AuditEvent>> AppendChainAsync(string subject, int count, string actor = "actor-1", int startMinute = 0)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            var next = TestData.Audit(subject, events.LastOrDefault()?.Hash, TestData.Now.AddMinutes(startMinute + i), actor, position: i + 1);
            await _audit.AppendBatchAsync([next], _ct);
            events.Add(next);
        }
        return events;
    }

    [Fact]
    public async Task The_first_event_starts_the_chain_and_each_append_moves_the_head()
    {
        var subject = TestData.NewId();
        Assert.Null(await _audit.GetHeadAsync(subject, _ct));

        var events = await AppendChainAsync(subject, 3);

        Assert.Equal(events[^1], await _audit.GetHeadAsync(subject, _ct));
    }

    [Fact]
    public async Task An_append_on_a_stale_head_fails_and_stores_nothing()
    {
        var subject = TestData.NewId();
        var first = (await AppendChainAsync(subject, 1))[0];
        // Two writers read the same head; the first one wins.
        await _audit.AppendBatchAsync([TestData.Audit(subject, first.Hash, TestData.Now.AddMinutes(1), position: 2)], _ct);
        var loser = TestData.Audit(subject, first.Hash, TestData.Now.AddMinutes(2), position: 2);

        Assert.Equal([subject], await _audit.AppendBatchAsync([loser], _ct));
        Assert.Equal([subject], await _audit.AppendBatchAsync([TestData.Audit(subject, null, TestData.Now.AddMinutes(3))], _ct));
        Assert.Equal(2, await _audit.ReadChainAsync(subject, _ct).CountAsync(_ct));
    }

    [Fact]
    public async Task A_batch_stores_chains_of_several_subjects_and_skips_only_those_whose_head_moved_on()
    {
        var fresh = TestData.NewId();
        var busy = TestData.NewId();
        var first = TestData.Audit(fresh, null, TestData.Now);
        var second = TestData.Audit(fresh, first.Hash, TestData.Now.AddSeconds(1), position: 2);
        var other = TestData.Audit(busy, null, TestData.Now);

        Assert.Empty(await _audit.AppendBatchAsync([first, other, second], _ct));

        Assert.Equal([first, second], await _audit.ReadChainAsync(fresh, _ct).ToListAsync(_ct));
        Assert.Equal(second, await _audit.GetHeadAsync(fresh, _ct));
        var stale = TestData.Audit(busy, null, TestData.Now.AddMinutes(1));
        var staleToo = TestData.Audit(busy, stale.Hash, TestData.Now.AddMinutes(2), position: 2);
        var starts = TestData.Audit(TestData.NewId(), null, TestData.Now.AddMinutes(1));

        Assert.Equal([busy], await _audit.AppendBatchAsync([stale, starts, staleToo], _ct));

        Assert.Equal(starts, await _audit.GetHeadAsync(starts.Subject, _ct));
        Assert.Equal([other], await _audit.ReadChainAsync(busy, _ct).ToListAsync(_ct));
    }

    [Fact]
    public async Task Events_list_newest_first_in_pages_and_the_chain_reads_oldest_first()
    {
        var subject = TestData.NewId();
        var events = await AppendChainAsync(subject, 5);

        var seen = new List<AuditEvent>();
        string? after = null;
        do
        {
            var page = await _audit.ListBySubjectAsync(subject, new PageRequest(2, after), _ct);
            seen.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(events.Select(e => e.Id).Reverse(), seen.Select(e => e.Id));
        Assert.Equal(events, await _audit.ReadChainAsync(subject, _ct).ToListAsync(_ct));
    }

    [Fact]
    public async Task Events_by_an_actor_span_subjects_newest_first()
    {
        var actor = "actor-" + TestData.NewId();
        var first = await AppendChainAsync(TestData.NewId(), 2, actor);
        var second = await AppendChainAsync(TestData.NewId(), 1, actor, startMinute: 10);
        await AppendChainAsync(TestData.NewId(), 2);

        var page = await _audit.ListByActorAsync(actor, new PageRequest(10), _ct);

        Assert.Equal([second[0].Id, first[1].Id, first[0].Id], page.Items.Select(e => e.Id));
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.At >= p.Second.At));
    }
}
