using Microsoft.Extensions.Diagnostics.HealthChecks;
using UpNest.Core.Common;

namespace UpNest.Api.Hosting;

public sealed class StorageHealthCheck(IStorageLifecycle storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.IsReadyAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The store does not answer.");
}
