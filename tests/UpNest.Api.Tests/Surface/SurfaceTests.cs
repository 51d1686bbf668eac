using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Storage.Sqlite;

namespace UpNest.Api.Tests.Surface;

public sealed class SurfaceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task The_openapi_document_describes_the_v1_routes()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.ReadJsonAsync();
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        var expected = new Dictionary<string, string[]>
        {
            ["/v1/auth/register"] = ["post"],
            ["/v1/auth/login"] = ["post"],
            ["/v1/auth/refresh"] = ["post"],
            ["/v1/auth/logout"] = ["post"],
            ["/v1/me"] = ["get", "patch", "delete"],
            ["/v1/babies"] = ["get", "post"],
            ["/v1/babies/{babyId}"] = ["get", "patch", "delete"],
            ["/v1/babies/{babyId}/measurements"] = ["get", "post"],
            ["/v1/babies/{babyId}/measurements/{id}"] = ["get", "patch", "delete"],
        };
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.ContainsKey(path), $"The OpenAPI document lacks {path}.");
            foreach (var method in methods)
            {
                Assert.True(paths[path]!.AsObject().ContainsKey(method), $"The OpenAPI document lacks {method.ToUpperInvariant()} {path}.");
            }
        }
    }

    [Fact]
    public async Task The_openapi_document_names_the_measurement_list_filters()
    {
        using var client = _factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var parameters = document["paths"]!["/v1/babies/{babyId}/measurements"]!["get"]!["parameters"]!.AsArray()
            .Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("from", parameters);
        Assert.Contains("to", parameters);
        Assert.Contains("cursor", parameters);
        Assert.Contains("limit", parameters);
    }

    [Fact]
    public async Task The_api_reference_is_served_at_docs()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_200_without_a_token()
    {
        using var client = _factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>Readiness is about the store: break the store and only readiness notices.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    // Breaks the SQLite file on purpose, so it runs on SQLite whichever store the suite runs on.
    private readonly UpNestFactory _factory = new(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Readiness_fails_when_the_store_is_broken_while_liveness_stays_up()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using (var connection = await _factory.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE schema_migrations;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
