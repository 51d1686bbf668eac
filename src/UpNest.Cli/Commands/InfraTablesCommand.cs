using UpNest.Storage.DynamoDb.Infra;

namespace UpNest.Cli.Commands;

/// <summary>`upnest infra tables`: writes the CloudFormation template generated from the table definitions.</summary>
internal sealed class InfraTablesCommand : ICliCommand
{
    public string Name => "infra tables";

    public string Usage => $"[--out {TablesTemplate.DefaultPath}] [--check]";

    public string Summary => "Write the tables' CloudFormation template; with --check, exit 1 if the file differs instead.";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly("out", "check");
        var path = Path.GetFullPath(args.Get("out") ?? TablesTemplate.DefaultPath);
        var template = TablesTemplate.Render();
        if (args.Has("check"))
        {
            var current = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
            var same = current?.ReplaceLineEndings("\n") == template;
            await output.WriteLineAsync(same ? $"{path} is up to date" : $"{path} differs from the code: run `upnest infra tables`");
            return same ? 0 : 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, template, ct);
        await output.WriteLineAsync($"wrote {path}");
        return 0;
    }
}
