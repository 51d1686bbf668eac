using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Surface;

/// <summary>
/// docs/openapi/v1.json is what clients are generated from: it must be the running app's document.
/// scripts/openapi-snapshot.sh runs this test with UPNEST_OPENAPI_SNAPSHOT=write to regenerate it.
/// </summary>
public sealed class OpenApiSnapshotTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_snapshot_is_the_running_apps_document()
    {
        using var client = app.Factory.CreateClient();
        var live = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable("UPNEST_OPENAPI_SNAPSHOT") == "write")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, live);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run scripts/openapi-snapshot.sh.");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == live, $"docs/openapi/v1.json differs from the app's document ({FirstDifference(committed, live)}): "
            + "run scripts/openapi-snapshot.sh and commit the result (and regenerate the web client).");
    }

    private static string FirstDifference(string committed, string live)
    {
        var (a, b) = (committed.Split('\n'), live.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return $"line {line + 1}: committed '{(line < a.Length ? a[line].Trim() : "<end>")}', app '{(line < b.Length ? b[line].Trim() : "<end>")}'";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UpNest.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("No UpNest.slnx above " + AppContext.BaseDirectory);
    }
}
