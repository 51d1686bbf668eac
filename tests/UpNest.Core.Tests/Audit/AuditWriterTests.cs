using Microsoft.Extensions.Time.Testing;
using UpNest.Core.Audit;
using UpNest.Core.Common;

namespace UpNest.Core.Tests.Audit;

public sealed class AuditWriterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SignallingClock _clock = new();

    private static AuditEvent Draft(string subject, int n) => new()
    {
        Subject = subject, Id = $"e{n:D4}", ActorId = "a", Action = AuditActions.BabyRead, Resource = "baby:" + subject,
        Outcome = AuditOutcomes.Success, Hash = string.Empty,
    };

    [Fact]
    public async Task With_a_linger_the_first_event_waits_on_the_clock_for_company_then_all_commit_in_one_batch()
    {
        var store = new RecordingStore();
        await using var writer = new AuditWriter(store, _clock, new AuditWriterOptions(Linger: TimeSpan.FromMilliseconds(5)));

        var first = writer.WriteAsync(Draft("b1", 1), CancellationToken.None);
        await _clock.TimerCreated.Task.WaitAsync(Wait);
        var rest = Enumerable.Range(2, 4).Select(n => writer.WriteAsync(Draft("b1", n), CancellationToken.None)).ToList();
        Assert.Empty(store.Batches);
        Assert.False(first.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(5));
        var written = await Task.WhenAll(rest.Prepend(first)).WaitAsync(Wait);

        Assert.Equal([5], store.Batches.Select(b => b.Count));
        Assert.Equal([1L, 2, 3, 4, 5], written.Select(e => e.Position));
        Assert.True((await AuditChain.VerifyAsync(store.Chain("b1"), CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task Events_arriving_during_a_commit_form_the_next_batch_capped_at_the_batch_size()
    {
        var store = new RecordingStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var writer = new AuditWriter(store, _clock, new AuditWriterOptions(MaxBatch: 10));

        var first = writer.WriteAsync(Draft("b1", 0), CancellationToken.None);
        await store.CommitStarted.Task.WaitAsync(Wait);
        var queued = Enumerable.Range(1, 25).Select(n => writer.WriteAsync(Draft(n % 2 == 0 ? "b1" : "b2", n), CancellationToken.None)).ToList();
        store.Gate.SetResult();
        await Task.WhenAll(queued.Prepend(first)).WaitAsync(Wait);

        Assert.Equal([1, 10, 10, 5], store.Batches.Select(b => b.Count));
        Assert.True((await AuditChain.VerifyAsync(store.Chain("b1"), CancellationToken.None)).IsIntact);
        Assert.True((await AuditChain.VerifyAsync(store.Chain("b2"), CancellationToken.None)).IsIntact);
        Assert.Equal(13, store.Chain("b1").ToBlockingEnumerable().Count());
        Assert.Equal(2, store.HeadReads); // each subject's head is read once, then held in memory
    }

    [Fact]
    public async Task A_head_moved_on_by_another_instance_is_reloaded_and_the_event_re_chained_without_failing()
    {
        var store = new RecordingStore();
        await using var writer = new AuditWriter(store, _clock, AuditWriterOptions.Default);
        await writer.WriteAsync(Draft("b1", 1), CancellationToken.None);
        store.AppendForeign("b1"); // another instance writes position 2

        var mine = await writer.WriteAsync(Draft("b1", 2), CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(3, mine.Position);
        Assert.True((await AuditChain.VerifyAsync(store.Chain("b1"), CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task A_failing_store_fails_the_waiting_requests_and_the_next_batch_reads_heads_again()
    {
        var store = new RecordingStore { Broken = true };
        await using var writer = new AuditWriter(store, _clock, AuditWriterOptions.Default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(Draft("b1", 1), CancellationToken.None).WaitAsync(Wait));
        store.Broken = false;
        var after = await writer.WriteAsync(Draft("b1", 2), CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(1, after.Position);
        Assert.Equal(2, store.HeadReads);
    }

    [Fact]
    public async Task Only_the_subject_whose_head_moved_on_is_re_chained_the_others_of_the_batch_are_done_once()
    {
        var store = new RecordingStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var writer = new AuditWriter(store, _clock, AuditWriterOptions.Default);
        var warm = writer.WriteAsync(Draft("b1", 1), CancellationToken.None);
        await store.CommitStarted.Task.WaitAsync(Wait);
        var mine = writer.WriteAsync(Draft("b1", 2), CancellationToken.None);
        var other = writer.WriteAsync(Draft("b2", 3), CancellationToken.None);
        store.Gate.SetResult();
        await warm.WaitAsync(Wait);
        // b1 moves on elsewhere before the second batch is stored, unless it already was.
        store.AppendForeign("b1");

        var written = await Task.WhenAll(mine, other).WaitAsync(Wait);

        Assert.True((await AuditChain.VerifyAsync(store.Chain("b1"), CancellationToken.None)).IsIntact);
        Assert.Single(store.Chain("b2").ToBlockingEnumerable());
        Assert.Equal(1, written[1].Position);
    }

    /// <summary>A fake clock that tells when someone starts waiting on it.</summary>
    private sealed class SignallingClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }

    /// <summary>An in-memory store with the port's conflict rule, recording each batch.</summary>
    private sealed class RecordingStore : IAuditStore
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, List<AuditEvent>> _chains = [];

        public List<IReadOnlyList<AuditEvent>> Batches { get; } = [];
        public TaskCompletionSource? Gate { get; init; }
        public TaskCompletionSource CommitStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Broken { get; set; }
        public int HeadReads { get; private set; }

        public Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct)
        {
            lock (_lock)
            {
                HeadReads++;
                return Task.FromResult(_chains.TryGetValue(subject, out var chain) ? chain[^1] : null);
            }
        }

        public async Task<IReadOnlyCollection<string>> AppendBatchAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
        {
            if (Broken)
            {
                throw new InvalidOperationException("down");
            }
            CommitStarted.TrySetResult();
            if (Gate is not null)
            {
                await Gate.Task;
            }
            lock (_lock)
            {
                var moved = events.GroupBy(e => e.Subject).Select(g => g.First())
                    .Where(e => (_chains.TryGetValue(e.Subject, out var c) ? c[^1].Hash : null) != e.PrevHash).Select(e => e.Subject).ToHashSet();
                foreach (var e in events.Where(e => !moved.Contains(e.Subject)))
                {
                    (_chains.TryGetValue(e.Subject, out var c) ? c : _chains[e.Subject] = []).Add(e);
                }
                Batches.Add(events);
                return moved;
            }
        }

        public void AppendForeign(string subject)
        {
            lock (_lock)
            {
                var head = _chains[subject][^1];
                var linked = Draft(subject, 999) with { PrevHash = head.Hash, Position = head.Position + 1 };
                _chains[subject].Add(linked with { Hash = AuditChain.ComputeHash(linked) });
            }
        }

        public async IAsyncEnumerable<AuditEvent> ReadChainAsync(string subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            List<AuditEvent> copy;
            lock (_lock)
            {
                copy = _chains.TryGetValue(subject, out var c) ? [.. c] : [];
            }
            foreach (var e in copy)
            {
                yield return e;
            }
        }

        public IAsyncEnumerable<AuditEvent> Chain(string subject) => ReadChainAsync(subject, CancellationToken.None);

        public Task<Page<AuditEvent>> ListBySubjectAsync(string subject, PageRequest page, CancellationToken ct) => throw new NotSupportedException();

        public Task<Page<AuditEvent>> ListByActorAsync(string actorId, PageRequest page, CancellationToken ct) => throw new NotSupportedException();

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, int limit, CancellationToken ct) => throw new NotSupportedException();
    }
}
