using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using UpNest.Api.Audit;
using UpNest.Api.Auth;
using UpNest.Api.Endpoints;
using UpNest.Api.Http;

namespace UpNest.Api.Hosting;

public static class ApiPipelineExtensions
{
    public static WebApplication UseUpNest(this WebApplication app)
    {
        app.UseUpNestManagementPort();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseUpNestTransportSecurity();
        app.UseUpNestWebApp();
        app.UseRouting();
        app.UseCors();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<BabyAuditMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        var auth = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (!auth.IsOidc)
        {
            app.MapAuthEndpoints();
            app.MapWellKnownEndpoints();
        }
        app.MapMeEndpoints();
        app.MapBabyEndpoints();
        app.MapMeasurementEndpoints();
        app.MapGrowthEndpoints();
        app.MapVaccinationAndMilestoneEndpoints();
        app.MapSharingEndpoints();
        app.MapAuditEndpoints();
        app.MapExportEndpoints();
        return app;
    }
}
