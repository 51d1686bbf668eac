using System.Diagnostics;
using System.Threading.Channels;
using UpNest.Core.Telemetry;

namespace UpNest.Core.Audit;

/// <summary>How the writer groups events: at most <see cref="MaxBatch"/> per commit, and how long it
/// waits for company after the first event (zero: events that arrive while a commit is in flight
/// form the next batch, so batches grow with load without adding latency when idle).</summary>
public sealed record AuditWriterOptions(int MaxBatch = 100, int QueueCapacity = 8192, int MaxAttempts = 16, TimeSpan Linger = default)
{
    public static readonly AuditWriterOptions Default = new();

    /// <summary>Heads kept in memory; past this the cache starts again (a miss costs one head read).</summary>
    public int MaxCachedHeads { get; init; } = 100_000;
}

/// <summary>
/// The one audit writer of the process. Requests hand it unchained events through a bounded
/// channel and await their durability; the writer alone assigns each event its place in its
/// subject's chain (from the heads it holds in memory) and stores whole batches in one
/// all-or-nothing write, so a read of a baby costs a share of one fsync instead of one fsync and
/// two requests on the same baby never race for its head. When another instance moved a head on,
/// the writer reloads it and re-chains the batch: the conflict never reaches a request.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly TimeProvider _clock;
    private readonly AuditWriterOptions _options;
    private readonly Channel<Pending> _queue;
    private readonly Dictionary<string, ChainHead> _heads = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public AuditWriter(IAuditStore store, TimeProvider clock, AuditWriterOptions options)
    {
        (_store, _clock, _options) = (store, clock, options);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Batches committed so far (for tests and diagnostics).</summary>
    public long BatchesCommitted { get; private set; }

    /// <summary>
    /// Chains and stores the event and returns it once it is durable. The draft's
    /// <see cref="AuditEvent.PrevHash"/>, <see cref="AuditEvent.Hash"/> and
    /// <see cref="AuditEvent.Position"/> are the writer's to set.
    /// </summary>
    public async Task<AuditEvent> WriteAsync(AuditEvent draft, CancellationToken ct)
    {
        var pending = new Pending(draft);
        await _queue.Writer.WriteAsync(pending, ct);
        // Once queued the event will be stored whether or not the caller still waits.
        return await pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        // The loop may have been started inside a request: its batches must not join that trace.
        Activity.Current = null;
        var batch = new List<Pending>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            Drain(batch);
            if (_options.Linger > TimeSpan.Zero && batch.Count < _options.MaxBatch)
            {
                await Task.Delay(_options.Linger, _clock);
                Drain(batch);
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private void Drain(List<Pending> batch)
    {
        while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }
    }

    /// <summary>
    /// Stores the batch; subjects another instance moved on are reloaded and re-chained until they
    /// fit. A store failure (after the store's own retries) fails the waiting requests: they
    /// answer 503 rather than unaudited, and the heads are read again for the next batch.
    /// </summary>
    private async Task CommitAsync(List<Pending> batch)
    {
        // The batch serves many requests: its span links to each request's "audit.append" span.
        using var span = UpNestMetrics.Tracing.StartActivity(
            "audit.batch", ActivityKind.Internal, parentContext: default, tags: null,
            links: batch.Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller)));
        span?.SetTag("upnest.audit.batch_size", batch.Count);
        var remaining = batch;
        for (var attempt = 1; remaining.Count > 0; attempt++)
        {
            try
            {
                var (events, heads) = await ChainAsync(remaining);
                var moved = await _store.AppendBatchAsync(events, CancellationToken.None);
                BatchesCommitted++;
                var next = new List<Pending>();
                for (var i = 0; i < remaining.Count; i++)
                {
                    if (moved.Contains(events[i].Subject))
                    {
                        next.Add(remaining[i]);
                    }
                    else
                    {
                        UpNestMetrics.AuditEventWritten();
                        remaining[i].Done.TrySetResult(events[i]);
                    }
                }
                foreach (var (subject, head) in heads)
                {
                    if (moved.Contains(subject))
                    {
                        _heads.Remove(subject);
                    }
                    else
                    {
                        _heads[subject] = head;
                    }
                }
                if (next.Count > 0 && attempt >= _options.MaxAttempts)
                {
                    throw new InvalidOperationException($"The audit chains of {moved.Count} subject(s) kept moving on; gave up after {attempt} attempts.");
                }
                remaining = next;
            }
            catch (Exception fault)
            {
                _heads.Clear();
                span?.SetStatus(ActivityStatusCode.Error, fault.GetType().Name);
                foreach (var pending in remaining)
                {
                    UpNestMetrics.AuditEventFailed();
                    pending.Done.TrySetException(fault);
                }
                return;
            }
        }
    }

    /// <summary>Gives every event of the batch its place: after its subject's head, in arrival order.</summary>
    private async Task<(List<AuditEvent> Events, Dictionary<string, ChainHead> Heads)> ChainAsync(List<Pending> batch)
    {
        if (_heads.Count > _options.MaxCachedHeads)
        {
            _heads.Clear();
        }
        var heads = new Dictionary<string, ChainHead>(StringComparer.Ordinal);
        var missing = batch.Select(p => p.Draft.Subject).Distinct(StringComparer.Ordinal).Where(s => !_heads.ContainsKey(s)).ToList();
        var loaded = await Task.WhenAll(missing.Select(s => _store.GetHeadAsync(s, CancellationToken.None)));
        for (var i = 0; i < missing.Count; i++)
        {
            heads[missing[i]] = loaded[i] is { } head ? new ChainHead(head.Hash, head.Position) : ChainHead.Empty;
        }
        var events = new List<AuditEvent>(batch.Count);
        foreach (var pending in batch)
        {
            var subject = pending.Draft.Subject;
            var head = heads.TryGetValue(subject, out var h) ? h : _heads[subject];
            var linked = pending.Draft with { PrevHash = head.Hash, Position = head.Position + 1, Hash = string.Empty };
            var chained = linked with { Hash = AuditChain.ComputeHash(linked) };
            heads[subject] = new ChainHead(chained.Hash, chained.Position);
            events.Add(chained);
        }
        return (events, heads);
    }

    private sealed record ChainHead(string? Hash, long Position)
    {
        public static readonly ChainHead Empty = new(null, 0);
    }

    private sealed class Pending(AuditEvent draft)
    {
        public AuditEvent Draft { get; } = draft;

        /// <summary>The span of the request that handed the event in, if it is traced.</summary>
        public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;

        public TaskCompletionSource<AuditEvent> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
