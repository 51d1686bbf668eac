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

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // IMMEDIATE: take the write lock before reading the head, so two appenders cannot both see it.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var head = transaction.Command("SELECT hash FROM audit_heads WHERE subject = $subject;", ("$subject", auditEvent.Subject)))
        {
            var current = await head.ExecuteScalarAsync(ct) as string;
            if (!string.Equals(current, auditEvent.PrevHash, StringComparison.Ordinal))
            {
                throw new PreconditionFailedException("The audit chain moved on; read the head again.");
            }
        }
        await using (var insert = transaction.Command(
            "INSERT INTO audit_events (subject, id, actor_id, data, expires_at) VALUES ($subject, $id, $actor, $data, $expires);",
            ("$subject", auditEvent.Subject), ("$id", auditEvent.Id), ("$actor", auditEvent.ActorId),
            ("$data", ToJson(auditEvent)), ("$expires", Iso(auditEvent.ExpiresAt))))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using (var move = transaction.Command(
            "INSERT INTO audit_heads (subject, hash) VALUES ($subject, $hash) ON CONFLICT(subject) DO UPDATE SET hash = excluded.hash;",
            ("$subject", auditEvent.Subject), ("$hash", auditEvent.Hash)))
        {
            await move.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
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
