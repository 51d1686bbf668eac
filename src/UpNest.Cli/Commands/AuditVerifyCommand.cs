using UpNest.Core.Audit;
using UpNest.Storage.Sqlite;

namespace UpNest.Cli.Commands;

/// <summary>
/// `upnest audit verify --subject ID [--db PATH]`: re-computes a subject's hash chain oldest
/// first and names the first event that does not fit (exit 1), or says the chain is intact.
/// </summary>
internal sealed class AuditVerifyCommand : ICliCommand
{
    public string Name => "audit verify";

    public string Usage => "--subject ID [--db PATH]";

    public string Summary => "Check a baby's or user's audit chain on the SQLite store; exit 1 at the first broken link.";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly("subject", "db");
        var subject = args.Get("subject") ?? throw new UsageException("--subject is required.");
        var path = args.Get("db") ?? "data/upnest.db";
        if (!File.Exists(path))
        {
            throw new UsageException($"No database at '{path}'.");
        }
        var store = new SqliteAuditStore(new SqliteDatabase(path));
        var result = await AuditChain.VerifyAsync(store.ReadChainAsync(subject, ct), ct);
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"chain intact: {result.Count} events");
            return 0;
        }
        await output.WriteLineAsync($"chain broken at event {result.BrokenEventId} (#{result.Count}): {result.Reason}");
        return 1;
    }
}
