using UpNest.Cli.Infra;
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
        return await TemplateFile.WriteOrCheckAsync(path, TablesTemplate.Render(), args.Has("check"), "upnest infra tables", output, ct) ? 0 : 1;
    }
}
