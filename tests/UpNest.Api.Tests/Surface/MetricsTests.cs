using System.Net;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Testing;

namespace UpNest.Api.Tests.Surface;

/// <summary>
/// /metrics lives on the management listener only. A real process is needed: the test server has
/// no sockets, and the management port is told apart by the socket a request arrived on.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "upnest-tests", Guid.NewGuid().ToString("N") + ".db");
    private AppProcess? _app;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        _app = await AppProcess.StartAsync(_databasePath);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_management_port_serves_Prometheus_metrics_and_counts_requests()
    {
        using var api = _app!.CreateClient();
        using var management = new HttpClient { BaseAddress = _app.ManagementAddress };
        await api.GetAsync("/health/live");

        var response = await management.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_port_has_no_metrics_even_with_a_forged_host_header()
    {
        using var api = _app!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{_app.ManagementAddress.Port}";

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_port_serves_nothing_but_metrics()
    {
        using var management = new HttpClient { BaseAddress = _app!.ManagementAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_container_health_check_passes_on_a_ready_app_and_fails_on_anything_but_200()
    {
        var script = RepoPaths.InRepo("infra", "docker", "healthcheck.sh");

        Assert.Equal(0, await RunHealthCheckAsync(script, _app!.BaseAddress.Port));
        Assert.NotEqual(0, await RunHealthCheckAsync(script, _app.ManagementAddress.Port));
    }

    private static async Task<int> RunHealthCheckAsync(string script, int port)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.Environment["HEALTHCHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
