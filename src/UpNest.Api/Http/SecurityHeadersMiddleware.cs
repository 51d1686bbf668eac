using UpNest.Api.Hosting;

namespace UpNest.Api.Http;

/// <summary>
/// Headers every response carries, error responses included (set when the response starts,
/// after any exception handler has cleared the headers).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (WebAppHosting.Serves(context.Request.Path))
            {
                headers.ContentSecurityPolicy = WebAppHosting.ContentSecurityPolicy;
            }
            else if (!context.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
