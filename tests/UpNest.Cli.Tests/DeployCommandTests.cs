using UpNest.Cli.Infra;

namespace UpNest.Cli.Tests;

/// <summary>
/// `upnest deploy` without an AWS account: the dry run with the real cfn-lint (UPNEST_CFN_LINT or
/// cfn-lint on PATH; test.sh installs it), and a real run against a stand-in `aws` executable that
/// records its arguments. These tests change process environment variables, so they run in one class.
/// </summary>
public sealed class DeployCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"upnest-deploy-{Guid.NewGuid():N}");
    private readonly string? _lint = Environment.GetEnvironmentVariable("UPNEST_CFN_LINT");

    public DeployCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("UPNEST_CFN_LINT", _lint);
        Environment.SetEnvironmentVariable("UPNEST_AWS_CLI", null);
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandRunner.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    [Fact]
    public async Task The_production_dry_run_synthesizes_lints_clean_and_lists_every_stack_and_resource()
    {
        var result = await RunAsync("deploy", "--env", "production", "--dry-run", "--out", _directory);

        Assert.True(result.Code == 0, result.Output + result.Error);
        Assert.Contains("cfn-lint: clean (4 templates)", result.Output, StringComparison.Ordinal);
        foreach (var stack in StackSet.All)
        {
            Assert.True(File.Exists(Path.Combine(_directory, stack.FileName)));
            var resources = StackSet.Parse(stack.Render())["Resources"]!.AsObject();
            Assert.Contains($"stack upnest-production-{stack.Component} ({stack.FileName}): {resources.Count} resources", result.Output, StringComparison.Ordinal);
            Assert.All(resources, r => Assert.Contains($"+ {r.Key}", result.Output, StringComparison.Ordinal));
        }
        Assert.Contains("parameter TablePrefix = upnest-production-", result.Output, StringComparison.Ordinal);
        Assert.Contains("parameter TablesStack = upnest-production-tables", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lint_finding_fails_the_dry_run()
    {
        Environment.SetEnvironmentVariable("UPNEST_CFN_LINT", Script("lint", "echo \"$2: E3002 finding\"; exit 2\n"));

        var result = await RunAsync("deploy", "--env", "staging", "--dry-run", "--out", _directory);

        Assert.Equal(1, result.Code);
        Assert.Contains("cfn-lint: exit 2", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("stack upnest-staging", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_creates_executes_and_waits_for_a_change_set_per_stack_in_order()
    {
        Environment.SetEnvironmentVariable("UPNEST_CFN_LINT", Script("lint", "exit 0\n"));
        var log = Path.Combine(_directory, "aws.log");
        Environment.SetEnvironmentVariable("UPNEST_AWS_CLI", Script("aws", $$$"""
            echo "$*" >> '{{{log}}}'
            case "$2" in
              describe-stacks) exit 254 ;;
              describe-change-set) echo '{"Changes":[{"ResourceChange":{"Action":"Add","LogicalResourceId":"Vpc","ResourceType":"AWS::EC2::VPC"}}]}' ;;
            esac
            exit 0
            """));

        var result = await RunAsync("deploy", "--env", "staging", "--image", "123.dkr.ecr.eu-west-1.amazonaws.com/upnest:1", "--certificate-arn",
            "arn:aws:acm:eu-west-1:123:certificate/abc", "--region", "eu-west-1", "--out", _directory);

        Assert.True(result.Code == 0, result.Output + result.Error);
        var calls = File.ReadAllLines(log);
        var creates = calls.Where(c => c.StartsWith("cloudformation create-change-set", StringComparison.Ordinal)).ToList();
        Assert.Equal(StackSet.All.Select(s => $"upnest-staging-{s.Component}"),
            creates.Select(c => c.Split(' ')[3]));
        Assert.All(creates, c => Assert.Contains("--change-set-type CREATE", c, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.EndsWith("--region eu-west-1", c, StringComparison.Ordinal));
        Assert.Equal(4, calls.Count(c => c.StartsWith("cloudformation execute-change-set", StringComparison.Ordinal)));
        Assert.Equal(4, calls.Count(c => c.StartsWith("cloudformation wait stack-create-complete", StringComparison.Ordinal)));
        Assert.Contains("Add Vpc AWS::EC2::VPC", result.Output, StringComparison.Ordinal);
        var parameters = await File.ReadAllTextAsync(Path.Combine(_directory, "service.parameters.json"));
        Assert.Contains("\"ImageUri\",\"ParameterValue\":\"123.dkr.ecr.eu-west-1.amazonaws.com/upnest:1\"", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_stack_stops_the_deployment_before_the_next_one()
    {
        Environment.SetEnvironmentVariable("UPNEST_CFN_LINT", Script("lint", "exit 0\n"));
        var log = Path.Combine(_directory, "aws.log");
        Environment.SetEnvironmentVariable("UPNEST_AWS_CLI", Script("aws", $$$"""
            echo "$*" >> '{{{log}}}'
            case "$2 $3" in
              "describe-stacks "*) exit 0 ;;
              "wait stack-update-complete") exit 255 ;;
              "describe-change-set "*) echo '{"Changes":[{"ResourceChange":{"Action":"Modify","LogicalResourceId":"Vpc","ResourceType":"AWS::EC2::VPC","Replacement":"False"}}]}' ;;
            esac
            exit 0
            """));

        var result = await RunAsync("deploy", "--env", "production", "--image", "img", "--certificate-arn", "arn", "--out", _directory);

        Assert.Equal(1, result.Code);
        Assert.Contains("upnest-production-network: did not complete; CloudFormation rolls it back", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(log), c => c.Contains("upnest-production-tables", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deployment_needs_an_environment_an_image_and_a_certificate()
    {
        Assert.Equal(2, (await RunAsync("deploy", "--env", "qa", "--dry-run")).Code);
        Assert.Equal(2, (await RunAsync("deploy", "--env", "production")).Code);
    }
}
