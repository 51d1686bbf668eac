using UpNest.Cli.Infra;

namespace UpNest.Cli.Commands;

/// <summary>
/// `upnest deploy --env staging|production [--dry-run]`: every stack in order through change sets.
/// The dry run needs no AWS account: it synthesizes each template, lints them all with cfn-lint and
/// prints each stack's parameters and the resources a first deployment creates.
/// </summary>
internal sealed class DeployCommand : ICliCommand
{
    public string Name => "deploy";

    public string Usage => "--env staging|production [--dry-run] [--image URI] [--certificate-arn ARN] [--alarm-email ADDRESS] "
        + "[--domain-prefix P] [--callback-urls U1,U2] [--logout-urls U1,U2] [--region R] [--out DIR]";

    public string Summary => "Create or update the network, tables, identity and service stacks through change sets; --dry-run works offline.";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly("env", "dry-run", "image", "certificate-arn", "alarm-email", "domain-prefix", "callback-urls", "logout-urls", "region", "out");
        var environment = args.Get("env");
        if (environment is null || !DeploySettings.Environments.Contains(environment))
        {
            throw new UsageException("--env must be staging or production.");
        }
        var dryRun = args.Has("dry-run");
        var settings = new DeploySettings(environment, args.Get("image"), args.Get("certificate-arn"), args.Get("alarm-email"),
            args.Get("domain-prefix"), args.Get("callback-urls"), args.Get("logout-urls"));
        if (!dryRun && (settings.ImageUri is null || settings.CertificateArn is null))
        {
            throw new UsageException("A deployment needs --image and --certificate-arn (a dry run does not).");
        }

        var plan = DeployPlan.For(settings);
        var directory = Path.GetFullPath(args.Get("out") ?? Path.Combine("artifacts", "deploy", environment));
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var stack in plan)
        {
            var path = Path.Combine(directory, stack.Stack.FileName);
            await File.WriteAllTextAsync(path, stack.Template, ct);
            paths.Add(path);
        }
        await output.WriteLineAsync($"synthesized {plan.Count} templates into {directory}");

        var lint = await TemplateLinter.LintAsync(paths, ct);
        var clean = lint.ExitCode == 0;
        await output.WriteLineAsync(clean
            ? $"cfn-lint: clean ({plan.Count} templates)"
            : $"cfn-lint: exit {lint.ExitCode}\n{lint.Output.TrimEnd()}{(lint.Error.Length > 0 ? "\n" + lint.Error.TrimEnd() : "")}");
        if (!clean)
        {
            return 1;
        }

        if (dryRun)
        {
            foreach (var stack in plan)
            {
                await PrintAsync(stack, output);
            }
            await output.WriteLineAsync("dry run: nothing was deployed. A real run shows CloudFormation's change set for each stack "
                + "(what is added, modified or replaced) before executing it.");
            return 0;
        }

        var cloudFormation = new AwsCloudFormation(args.Get("region"), output);
        foreach (var stack in plan)
        {
            if (!await cloudFormation.DeployAsync(stack, directory, ct))
            {
                await output.WriteLineAsync($"stopped at {stack.StackName}; later stacks were not touched");
                return 1;
            }
        }
        return 0;
    }

    private static async Task PrintAsync(StackDeployment stack, TextWriter output)
    {
        var resources = stack.Parsed()["Resources"]!.AsObject();
        await output.WriteLineAsync($"\nstack {stack.StackName} ({stack.Stack.FileName}): {resources.Count} resources");
        foreach (var (name, value) in stack.Parameters)
        {
            await output.WriteLineAsync($"  parameter {name} = {value}");
        }
        foreach (var (id, resource) in resources)
        {
            await output.WriteLineAsync($"  + {id,-34} {resource!["Type"]}");
        }
    }
}
