using System.Globalization;
using System.Runtime.CompilerServices;
using UpNest.Core.Audit;
using UpNest.Core.Common;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore
{
    public async Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM audit_events WHERE subject = $subject ORDER BY seq DESC LIMIT 1;", ("$subject", subject));
        return await command.ReadOneJsonAsync<AuditEvent>(ct);
    }

    /// <summary>
    /// One IMMEDIATE transaction for the whole batch: the write lock is taken before the heads are
    /// checked, and the commit is the batch's one fsync (synchronous = FULL).
    /// </summary>
    public async Task<IReadOnlyCollection<string>> AppendBatchAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var firsts = events.GroupBy(e => e.Subject, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var moved = new HashSet<string>(StringComparer.Ordinal);
        await using (var head = transaction.Command("SELECT hash FROM audit_heads WHERE subject = $subject;", ("$subject", string.Empty)))
        {
            foreach (var first in firsts)
            {
                head.Parameters["$subject"].Value = first.Subject;
                if (!string.Equals(await head.ExecuteScalarAsync(ct) as string, first.PrevHash, StringComparison.Ordinal))
                {
                    moved.Add(first.Subject);
                }
            }
        }
        await using (var insert = transaction.Command(
            "INSERT INTO audit_events (subject, id, actor_id, data, expires_at) VALUES ($subject, $id, $actor, $data, $expires);",
            ("$subject", string.Empty), ("$id", string.Empty), ("$actor", string.Empty), ("$data", string.Empty), ("$expires", string.Empty)))
        {
            foreach (var e in events.Where(e => !moved.Contains(e.Subject)))
            {
                insert.Parameters["$subject"].Value = e.Subject;
                insert.Parameters["$id"].Value = e.Id;
                insert.Parameters["$actor"].Value = e.ActorId;
                insert.Parameters["$data"].Value = ToJson(e);
                insert.Parameters["$expires"].Value = Iso(e.ExpiresAt);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using (var move = transaction.Command(
            "INSERT INTO audit_heads (subject, hash) VALUES ($subject, $hash) ON CONFLICT(subject) DO UPDATE SET hash = excluded.hash;",
            ("$subject", string.Empty), ("$hash", string.Empty)))
        {
            foreach (var last in events.Where(e => !moved.Contains(e.Subject)).GroupBy(e => e.Subject, StringComparer.Ordinal).Select(g => g.Last()))
            {
                move.Parameters["$subject"].Value = last.Subject;
                move.Parameters["$hash"].Value = last.Hash;
                await move.ExecuteNonQueryAsync(ct);
            }
        }
        await transaction.CommitAsync(ct);
        return moved;
    }

    public Task<Page<AuditEvent>> ListBySubjectAsync(string subject, PageRequest page, CancellationToken ct) =>
        ListAsync("subject", subject, page, ct);

    public Task<Page<AuditEvent>> ListByActorAsync(string actorId, PageRequest page, CancellationToken ct) =>
        ListAsync("actor_id", actorId, page, ct);

    public async IAsyncEnumerable<AuditEvent> ReadChainAsync(string subject, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM audit_events WHERE subject = $subject ORDER BY seq;", ("$subject", subject));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return FromJson<AuditEvent>(reader.GetString(0));
        }
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events WHERE expires_at <= $now ORDER BY expires_at LIMIT $limit);",
            ("$now", Iso(now)), ("$limit", ClampLimit(limit)));
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<Page<AuditEvent>> ListAsync(string column, string value, PageRequest page, CancellationToken ct)
    {
        var limit = ClampLimit(page.Limit);
        long? after = page.After is { } a && long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        if (page.After is not null && after is null)
        {
            throw new ValidationException("cursor", "The cursor is not valid.");
        }
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            $"SELECT seq, data FROM audit_events WHERE {column} = $value AND ($after IS NULL OR seq < $after) ORDER BY seq DESC LIMIT $limit;",
            ("$value", value), ("$after", after), ("$limit", limit + 1));
        var items = new List<(long Seq, AuditEvent Event)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add((reader.GetInt64(0), FromJson<AuditEvent>(reader.GetString(1))));
        }
        if (items.Count <= limit)
        {
            return new Page<AuditEvent>(items.ConvertAll(i => i.Event), null);
        }
        items.RemoveAt(limit);
        return new Page<AuditEvent>(items.ConvertAll(i => i.Event), items[^1].Seq.ToString(CultureInfo.InvariantCulture));
    }
}
