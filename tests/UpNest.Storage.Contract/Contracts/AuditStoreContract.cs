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
            var next = TestData.Audit(subject, events.LastOrDefault()?.Hash, TestData.Now.AddMinutes(startMinute + i), actor);
            await _audit.AppendAsync(next, _ct);
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
        await _audit.AppendAsync(TestData.Audit(subject, first.Hash, TestData.Now.AddMinutes(1)), _ct);
        var loser = TestData.Audit(subject, first.Hash, TestData.Now.AddMinutes(2));

        await Assert.ThrowsAsync<PreconditionFailedException>(() => _audit.AppendAsync(loser, _ct));
        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => _audit.AppendAsync(TestData.Audit(subject, null, TestData.Now.AddMinutes(3)), _ct));
        Assert.Equal(2, await _audit.ReadChainAsync(subject, _ct).CountAsync(_ct));
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
