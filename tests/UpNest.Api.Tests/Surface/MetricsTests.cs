using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Surface;

public sealed class MetricsTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Metrics_are_served_in_Prometheus_format_and_count_requests()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/health/live");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
    }
}
