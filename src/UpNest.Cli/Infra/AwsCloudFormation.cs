using System.Text.Json;
using System.Text.Json.Nodes;

namespace UpNest.Cli.Infra;

/// <summary>
/// Change-set deployment through the AWS CLI (the AWS SDK for .NET's CloudFormation client is not
/// available to this project); the CLI takes credentials and region from the usual chain
/// (environment, profile, SSO, instance or task role). UPNEST_AWS_CLI overrides the executable.
/// </summary>
internal sealed class AwsCloudFormation(string? region, TextWriter output)
{
    private static string Executable => Environment.GetEnvironmentVariable("UPNEST_AWS_CLI") is { Length: > 0 } path ? path : "aws";

    /// <summary>
    /// Creates a change set, prints it, executes it and waits. Returns false when the stack did not
    /// reach a complete state: CloudFormation has then rolled it back (or will, on its own).
    /// </summary>
    public async Task<bool> DeployAsync(StackDeployment stack, string workDirectory, CancellationToken ct)
    {
        var templatePath = Path.Combine(workDirectory, stack.Stack.FileName + ".json");
        // Compact JSON keeps the body under the 51,200-byte inline limit.
        await File.WriteAllTextAsync(templatePath, stack.Parsed().ToJsonString(Storage.DynamoDb.Infra.Cfn.Compact), ct);
        var parametersPath = Path.Combine(workDirectory, stack.Stack.Component + ".parameters.json");
        await File.WriteAllTextAsync(parametersPath, new JsonArray(stack.Parameters
            .Select(p => (JsonNode)new JsonObject { ["ParameterKey"] = p.Key, ["ParameterValue"] = p.Value }).ToArray()).ToJsonString(), ct);

        var exists = (await RunAsync(ct, "cloudformation", "describe-stacks", "--stack-name", stack.StackName)).ExitCode == 0;
        var changeSet = $"upnest-{DateTime.UtcNow:yyyyMMddHHmmss}";
        var created = await RunAsync(ct, "cloudformation", "create-change-set", "--stack-name", stack.StackName, "--change-set-name", changeSet,
            "--change-set-type", exists ? "UPDATE" : "CREATE", "--template-body", "file://" + templatePath, "--parameters", "file://" + parametersPath,
            "--capabilities", "CAPABILITY_IAM", "--tags", "Key=Application,Value=UpNest", $"Key=Environment,Value={stack.Parameters["Environment"]}");
        if (created.ExitCode != 0)
        {
            await output.WriteLineAsync($"{stack.StackName}: create-change-set failed: {created.Error.Trim()}");
            return false;
        }
        var ready = await RunAsync(ct, "cloudformation", "wait", "change-set-create-complete", "--stack-name", stack.StackName, "--change-set-name", changeSet);
        var described = await RunAsync(ct, "cloudformation", "describe-change-set", "--stack-name", stack.StackName, "--change-set-name", changeSet, "--output", "json");
        var changes = ChangeLines(described.Output);
        if (ready.ExitCode != 0)
        {
            if (changes.Count == 0)
            {
                await output.WriteLineAsync($"{stack.StackName}: no changes");
                await RunAsync(ct, "cloudformation", "delete-change-set", "--stack-name", stack.StackName, "--change-set-name", changeSet);
                return true;
            }
            await output.WriteLineAsync($"{stack.StackName}: the change set failed: {described.Output.Trim()}");
            return false;
        }
        await output.WriteLineAsync($"{stack.StackName}: change set {changeSet} ({(exists ? "update" : "create")}):");
        foreach (var line in changes)
        {
            await output.WriteLineAsync("  " + line);
        }
        var executed = await RunAsync(ct, "cloudformation", "execute-change-set", "--stack-name", stack.StackName, "--change-set-name", changeSet);
        if (executed.ExitCode != 0)
        {
            await output.WriteLineAsync($"{stack.StackName}: execute-change-set failed: {executed.Error.Trim()}");
            return false;
        }
        var done = await RunAsync(ct, "cloudformation", "wait", exists ? "stack-update-complete" : "stack-create-complete", "--stack-name", stack.StackName);
        await output.WriteLineAsync(done.ExitCode == 0
            ? $"{stack.StackName}: {(exists ? "updated" : "created")}"
            : $"{stack.StackName}: did not complete; CloudFormation rolls it back (see `aws cloudformation describe-stack-events --stack-name {stack.StackName}`)");
        return done.ExitCode == 0;
    }

    /// <summary>"Add TaskRole AWS::IAM::Role", "Modify Service AWS::ECS::Service (replacement: False)" ...</summary>
    public static IReadOnlyList<string> ChangeLines(string describeChangeSetJson)
    {
        if (string.IsNullOrWhiteSpace(describeChangeSetJson))
        {
            return [];
        }
        try
        {
            var changes = JsonNode.Parse(describeChangeSetJson)?["Changes"]?.AsArray() ?? [];
            return changes.Select(c => c?["ResourceChange"]).Where(c => c is not null).Select(c =>
                $"{c!["Action"]} {c["LogicalResourceId"]} {c["ResourceType"]}" + (c["Replacement"] is { } r ? $" (replacement: {r})" : "")).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private Task<ExternalTool.Result> RunAsync(CancellationToken ct, params string[] arguments) =>
        ExternalTool.RunAsync(Executable, region is null ? arguments : [.. arguments, "--region", region], ct);
}
