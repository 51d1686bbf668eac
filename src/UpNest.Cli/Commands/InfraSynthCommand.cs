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
        var stale = 0;
        foreach (var stack in StackSet.All)
        {
            var path = Path.Combine(directory, stack.FileName);
            var template = stack.Render();
            if (args.Has("check"))
            {
                var current = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
                var same = current?.ReplaceLineEndings("\n") == template;
                stale += same ? 0 : 1;
                await output.WriteLineAsync(same ? $"{path} is up to date" : $"{path} differs from the code: run `upnest infra synth`");
                continue;
            }
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(path, template, ct);
            await output.WriteLineAsync($"wrote {path}");
        }
        return stale == 0 ? 0 : 1;
    }
}
