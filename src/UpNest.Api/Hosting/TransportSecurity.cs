using Microsoft.Extensions.Options;

namespace UpNest.Api.Hosting;

public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>TLS usually ends at the load balancer, so redirection and HSTS are opt-in.</summary>
    public bool Redirect { get; set; }
}

public static class TransportSecurity
{
    /// <summary>CORS from an allow-list (Cors:AllowedOrigins); nothing is allowed when the list is empty.</summary>
    public static IServiceCollection AddUpNestCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpsOptions>().Bind(configuration.GetSection(HttpsOptions.Section));
        var origins = configuration.GetSection(CorsOptions.Section).Get<CorsOptions>()?.AllowedOrigins ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key")
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        return services;
    }

    /// <summary>HTTPS redirection and HSTS outside Development, when configured (Https:Redirect=true).</summary>
    public static WebApplication UseUpNestTransportSecurity(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value;
        if (https.Redirect && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
