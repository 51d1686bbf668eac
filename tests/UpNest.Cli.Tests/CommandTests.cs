using UpNest.Storage.DynamoDb.Infra;
using UpNest.Storage.DynamoDb.Schema;
using UpNest.Testing;

namespace UpNest.Cli.Tests;

public sealed class CommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandRunner.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Infra_tables_writes_the_generated_template_and_check_accepts_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tables-{Guid.NewGuid():N}.yaml");
        try
        {
            Assert.Equal(0, (await RunAsync("infra", "tables", "--out", path)).Code);
            Assert.Equal(TablesTemplate.Render(), await File.ReadAllTextAsync(path));
            Assert.Equal(0, (await RunAsync("infra", "tables", "--out", path, "--check")).Code);

            await File.AppendAllTextAsync(path, "# edited by hand\n");
            Assert.Equal(1, (await RunAsync("infra", "tables", "--out", path, "--check")).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_committed_template_passes_the_check()
    {
        var result = await RunAsync("infra", "tables", "--out", RepoPaths.InRepo(TablesTemplate.DefaultPath), "--check");
        Assert.True(result.Code == 0, result.Output);
    }

    [Fact]
    public async Task Db_create_tables_creates_every_table_once_and_is_idempotent()
    {
        var url = await DynamoDbLocal.GetUrlAsync();
        var prefix = $"cli{Guid.NewGuid():N}"[..12] + "-";

        var first = await RunAsync("db", "create-tables", "--service-url", url, "--region", "us-east-1", "--prefix", prefix);
        var second = await RunAsync("db", "create-tables", "--service-url", url, "--region", "us-east-1", "--prefix", prefix);

        Assert.Equal(0, first.Code);
        Assert.Equal(Tables.All.Count, first.Output.Split('\n').Count(l => l.StartsWith("created " + prefix, StringComparison.Ordinal)));
        Assert.Equal(0, second.Code);
        Assert.DoesNotContain("created", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_commands_and_options_are_usage_errors()
    {
        Assert.Equal(2, (await RunAsync("nonsense")).Code);
        var typo = await RunAsync("infra", "tables", "--outt", "x");
        Assert.Equal(2, typo.Code);
        Assert.Contains("--outt", typo.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("--help")).Code);
    }
}
