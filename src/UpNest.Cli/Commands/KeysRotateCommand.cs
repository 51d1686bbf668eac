using UpNest.Core.Common;
using UpNest.Core.Security;
using UpNest.Storage.Sqlite;

namespace UpNest.Cli.Commands;

/// <summary>
/// `upnest keys rotate [--db PATH]`: adds a new token-signing key to the store. Running instances
/// sign with it within five minutes; tokens signed by older keys stay valid until they expire.
/// </summary>
internal sealed class KeysRotateCommand : ICliCommand
{
    public string Name => "keys rotate";

    public string Usage => "[--db PATH]";

    public string Summary => "Add a new RS256 signing key for access tokens on the SQLite store (older keys keep verifying).";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly("db");
        var database = new SqliteDatabase(args.Get("db") ?? "data/upnest.db");
        await new SqliteMigrator(database).InitializeAsync(ct);
        var keys = new SqliteKeyStore(database);
        var key = await TokenSigningKeys.AddNewAsync(keys, new IdGenerator(TimeProvider.System), TimeProvider.System, ct);
        var count = (await keys.ListAsync(KeyPurposes.TokenSigning, ct)).Count;
        await output.WriteLineAsync($"new signing key {key.KeyId}; {count} keys published at /.well-known/jwks.json");
        return 0;
    }
}
