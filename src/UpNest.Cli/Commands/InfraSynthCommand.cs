using UpNest.Cli.Infra;

namespace UpNest.Cli.Commands;

/// <summary>`upnest infra synth`: writes every stack's template (network, tables, identity, service) under infra/.</summary>
internal sealed class InfraSynthCommand : ICliCommand
{
    public string Name => "infra synth";

    public string Usage => $"[--out {StackSet.Directory}] [--check]";

    public string Summary => "Write every CloudFormation template of the stack; with --check, exit 1 if a committed file differs.";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly("out", "check");
        var directory = Path.GetFullPath(args.Get("out") ?? StackSet.Directory);
        var allCurrent = true;
        foreach (var stack in StackSet.All)
        {
            allCurrent &= await TemplateFile.WriteOrCheckAsync(
                Path.Combine(directory, stack.FileName), stack.Render(), args.Has("check"), "upnest infra synth", output, ct);
        }
        return allCurrent ? 0 : 1;
    }
}
