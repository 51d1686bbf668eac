using System.Threading.RateLimiting;
using UpNest.Api.Audit;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Endpoints;
using UpNest.Api.Http;
using UpNest.Api.Privacy;
using UpNest.Api.Problems;
using UpNest.Core;

namespace UpNest.Api.Hosting;

public static class ApiServiceExtensions
{
    public static IServiceCollection AddUpNestApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsOptions>().Bind(configuration.GetSection(CorsOptions.Section));

        services.AddUpNestCore();
        services.AddUpNestStorage(configuration);
        // First hosted service: the store must be migrated before anything (Data Protection included) reads it.
        services.AddHostedService<StartupInitializer>();
        services.AddUpNestAuth(configuration);
        services.AddUpNestTrust();
        services.AddNoteEncryption();
        services.AddSingleton<CursorProtector>();
        services.AddSingleton<MeasurementScorer>();
        services.AddUpNestVaccinations();
        services.AddHostedService<Jobs.RetentionJob>();

        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<DomainProblemHandler>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("store", tags: ["ready"]);
        services.AddUpNestOpenApi();
        services.AddRateLimits(configuration);
        services.AddUpNestCors(configuration);
        services.AddUpNestTelemetry(configuration);
        return services;
    }

    private static void AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                await ProblemResults.WriteTooManyRequestsAsync(context.HttpContext, retryAfter, ct);
            };
            options.AddPolicy(AuthEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AuthPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var user = http.User.FindFirst("sub")?.Value;
                return user is null
                    ? RateLimitPartition.GetNoLimiter("anonymous")
                    : RateLimitPartition.GetFixedWindowLimiter("user:" + user,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerUserPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
    }
}
