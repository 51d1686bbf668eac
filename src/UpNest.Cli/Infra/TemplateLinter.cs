namespace UpNest.Cli.Infra;

/// <summary>
/// Lints templates offline with AWS's cfn-lint (its resource schemas ship inside it). The
/// executable is UPNEST_CFN_LINT when set (scripts/cfn-lint.sh prints it), else cfn-lint on PATH.
/// </summary>
internal static class TemplateLinter
{
    public static string Executable => Environment.GetEnvironmentVariable("UPNEST_CFN_LINT") is { Length: > 0 } path ? path : "cfn-lint";

    /// <summary>Exit code 0 only when cfn-lint reports nothing at all: errors, warnings and notes all count.</summary>
    public static Task<ExternalTool.Result> LintAsync(IEnumerable<string> paths, CancellationToken ct) =>
        ExternalTool.RunAsync(Executable, ["--format", "parseable", "--", .. paths], ct);
}
