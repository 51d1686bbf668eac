using OpenTelemetry.Metrics;

namespace UpNest.Api.Hosting;

public static class Telemetry
{
    /// <summary>Prometheus metrics at /metrics: HTTP server, runtime-free, and the store's capacity counters.</summary>
    public static IServiceCollection AddUpNestTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "UpNest.Storage.DynamoDb")
            .AddPrometheusExporter());
        return services;
    }
}
