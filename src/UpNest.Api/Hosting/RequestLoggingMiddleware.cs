using System.Diagnostics;
using UpNest.Api.Auth;

namespace UpNest.Api.Hosting;

/// <summary>
/// One structured line per request, carrying the request id and the user id only: the route
/// template (never the raw path or query), the status and the time taken.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        // No scope of our own: ASP.NET's hosting scope already carries the RequestId, and a second
        // one cost an allocation and an async-local switch on every request.
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, elapsed,
                    context.TraceIdentifier, context.Features.Get<CurrentUser>()?.Id);
            }
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms (request {RequestId}, user {UserId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs, string requestId, string? userId);
}
