using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using UpNest.Core.Telemetry;

namespace UpNest.Api.Hosting;

/// <summary>
/// All of UpNest's telemetry, configured once: traces (ASP.NET Core, every store call, the audit
/// writer), metrics (HTTP, store latency and consumed capacity, business counters) and logs that
/// carry trace ids. OTLP export is switched on by OTEL_EXPORTER_OTLP_ENDPOINT; Prometheus
/// /metrics is served only on the management listener (Management:Url), never the public one.
/// </summary>
public static class Telemetry
{
    public const string ManagementUrlKey = "Management:Url";
    public const string DefaultManagementUrl = "http://localhost:9464";

    /// <summary>Every meter the app publishes; the infra templates may only alarm on these.</summary>
    public static readonly string[] Meters =
        [UpNestTelemetryNames.Meter, UpNestTelemetryNames.StoreMeter, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static readonly string[] ActivitySources = [UpNestTelemetryNames.ActivitySource, UpNestTelemetryNames.StoreActivitySource];

    public static IServiceCollection AddUpNestTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LoggerFactoryOptions>(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // OTLP goes to the collector sidecar in AWS (OTEL_EXPORTER_OTLP_ENDPOINT); logs are exported
        // too only when asked (OTEL_LOGS_EXPORTER=otlp): the JSON console already carries trace ids.
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "upnest-api"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ActivitySources)
                    .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"));
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp && string.Equals(configuration["OTEL_LOGS_EXPORTER"], "otlp", StringComparison.OrdinalIgnoreCase))
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter());
        }
        return services;
    }

    /// <summary>Adds the management listener (Management:Url; empty turns it off) to the public ones.</summary>
    public static void AddUpNestManagementListener(this WebApplicationBuilder builder)
    {
        var management = builder.Configuration[ManagementUrlKey] ?? DefaultManagementUrl;
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (!string.IsNullOrWhiteSpace(management) && !string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls($"{urls};{management}");
        }
    }

    /// <summary>
    /// Requests that arrived on the management port get /metrics and nothing else; every other
    /// request goes on to the API, which has no /metrics. The port is told by the socket the
    /// request came in on, not by a Host header a client could forge.
    /// </summary>
    public static void UseUpNestManagementPort(this WebApplication app)
    {
        if (ManagementPort(app.Configuration) is not { } port)
        {
            return;
        }
        app.UseWhen(http => http.Connection.LocalPort == port, management =>
        {
            management.UseOpenTelemetryPrometheusScrapingEndpoint();
            management.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    private static int? ManagementPort(IConfiguration configuration)
    {
        var url = configuration[ManagementUrlKey] ?? DefaultManagementUrl;
        // "http://+:9464" is not a valid Uri host; only the port matters here.
        return string.IsNullOrWhiteSpace(url) ? null : new Uri(url.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal)).Port;
    }
}
