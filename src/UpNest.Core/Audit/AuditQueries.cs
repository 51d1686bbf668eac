using System.Text.Json;
using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Audit;

/// <summary>Who touched what: a baby's events for its owners, and a user's own trail.</summary>
public sealed class AuditQueries(IAuditStore store)
{
    public Task<Page<AuditEvent>> ListForBabyAsync(BabyAccess access, PageRequest page, CancellationToken ct)
    {
        if (!access.IsOwner)
        {
            throw new ForbiddenException("Only an owner can read the audit trail.");
        }
        return store.ListBySubjectAsync(access.BabyId, page, ct);
    }

    /// <summary>
    /// Events about the user (subject: logins, failed logins, exports) merged with events by the
    /// user (ByActor index), newest first, each event once. The continuation token records where
    /// each of the two lists stands, so no page is read twice and no event is skipped.
    /// </summary>
    public async Task<Page<AuditEvent>> ListForUserAsync(string userId, PageRequest page, CancellationToken ct)
    {
        var state = MergeState.Parse(page.After);
        var bySubject = new Reader(after => store.ListBySubjectAsync(userId, new PageRequest(page.Limit, after), ct), state.Subject);
        var byActor = new Reader(after => store.ListByActorAsync(userId, new PageRequest(page.Limit, after), ct), state.Actor);
        var items = new List<AuditEvent>(page.Limit);
        while (items.Count < page.Limit)
        {
            var s = await bySubject.PeekAsync();
            var a = await byActor.PeekAsync();
            if (a is not null && a.Subject == userId)
            {
                byActor.Advance(); // the subject list has it already
                continue;
            }
            if (s is null && a is null)
            {
                break;
            }
            if (a is null || (s is not null && Newer(s, a)))
            {
                items.Add(s!);
                bySubject.Advance();
            }
            else
            {
                items.Add(a);
                byActor.Advance();
            }
        }
        // Peeking past duplicates here means the last page never ends with an empty "next".
        var more = await bySubject.PeekAsync() is not null || await HasMoreForeignAsync(byActor, userId);
        return new Page<AuditEvent>(items, more ? JsonSerializer.Serialize(new MergeState(bySubject.Position(), byActor.Position())) : null);
    }

    private static async Task<bool> HasMoreForeignAsync(Reader reader, string userId)
    {
        while (await reader.PeekAsync() is { } e)
        {
            if (e.Subject != userId)
            {
                return true;
            }
            reader.Advance();
        }
        return false;
    }

    private static bool Newer(AuditEvent x, AuditEvent y) =>
        x.At != y.At ? x.At > y.At : string.CompareOrdinal(x.Id, y.Id) > 0;

    /// <summary>Where one list stands: the store token of the chunk being read and how far into it.</summary>
    private sealed record SourceState(string? After, int Skip, bool Done);

    private sealed record MergeState(SourceState Subject, SourceState Actor)
    {
        public static MergeState Parse(string? token)
        {
            if (token is null)
            {
                return new MergeState(new SourceState(null, 0, false), new SourceState(null, 0, false));
            }
            try
            {
                return JsonSerializer.Deserialize<MergeState>(token) ?? throw new ValidationException("cursor", "The cursor is not valid.");
            }
            catch (JsonException)
            {
                throw new ValidationException("cursor", "The cursor is not valid.");
            }
        }
    }

    /// <summary>Reads one newest-first list chunk by chunk, one event at a time.</summary>
    private sealed class Reader(Func<string?, Task<Page<AuditEvent>>> fetch, SourceState start)
    {
        private string? _after = start.After;
        private int _skip = start.Skip;
        private bool _done = start.Done;
        private IReadOnlyList<AuditEvent>? _chunk;
        private string? _next;
        private int _position;

        public async Task<AuditEvent?> PeekAsync()
        {
            while (!_done)
            {
                if (_chunk is null)
                {
                    var page = await fetch(_after);
                    (_chunk, _next, _position, _skip) = (page.Items, page.Next, _skip, 0);
                }
                if (_position < _chunk.Count)
                {
                    return _chunk[_position];
                }
                if (_next is null)
                {
                    _done = true;
                    break;
                }
                (_after, _chunk) = (_next, null);
            }
            return null;
        }

        public void Advance() => _position++;

        public SourceState Position() => _done ? new SourceState(null, 0, true)
            : _chunk is null ? new SourceState(_after, _skip, false)
            : _position < _chunk.Count ? new SourceState(_after, _position, false)
            : _next is null ? new SourceState(null, 0, true)
            : new SourceState(_next, 0, false);
    }
}
