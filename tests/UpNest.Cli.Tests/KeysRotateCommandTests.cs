using UpNest.Core.Security;
using UpNest.Storage.Sqlite;

namespace UpNest.Cli.Tests;

public sealed class KeysRotateCommandTests
{
    [Fact]
    public async Task Each_rotation_adds_a_signing_key_and_keeps_the_old_ones()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upnest-keys-{Guid.NewGuid():N}.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await CommandRunner.RunAsync(["keys", "rotate", "--db", path], output, error, CancellationToken.None));
        Assert.Equal(0, await CommandRunner.RunAsync(["keys", "rotate", "--db", path], output, error, CancellationToken.None));

        var keys = await new SqliteKeyStore(new SqliteDatabase(path)).ListAsync(KeyPurposes.TokenSigning, CancellationToken.None);
        Assert.Equal(2, keys.Count);
        Assert.NotEqual(keys[0].KeyId, keys[1].KeyId);
        Assert.Contains("2 keys published", output.ToString(), StringComparison.Ordinal);
    }
}
