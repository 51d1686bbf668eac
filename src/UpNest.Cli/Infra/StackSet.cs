using System.Text.Json.Nodes;
using UpNest.Storage.DynamoDb.Infra;

namespace UpNest.Cli.Infra;

/// <summary>One CloudFormation stack of an UpNest environment, in deployment order.</summary>
internal sealed record StackTemplate(string Component, string FileName, Func<string> Render)
{
    public string StackName(string environment) => $"upnest-{environment}-{Component}";
}

/// <summary>Every template of the stack, one source of truth: generated here, committed under infra/.</summary>
internal static class StackSet
{
    public const string Directory = "infra/cloudformation";
    private const string Generator = "upnest infra synth";

    public static IReadOnlyList<StackTemplate> All { get; } =
    [
        new("network", "network.yaml", () => Cfn.Render(NetworkTemplate.Build(), Generator)),
        new("tables", "tables.yaml", TablesTemplate.Render),
        new("identity", "identity.yaml", () => Cfn.Render(IdentityTemplate.Build(), Generator)),
        new("service", "service.yaml", () => Cfn.Render(ServiceTemplate.Build(), Generator)),
    ];

    /// <summary>The template as a JSON object (the committed text is JSON after two comment lines).</summary>
    public static JsonObject Parse(string rendered) =>
        JsonNode.Parse(string.Join('\n', rendered.Split('\n').SkipWhile(l => l.StartsWith('#'))))!.AsObject();
}
