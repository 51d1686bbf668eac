using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace UpNest.Api.Problems;

public static class ProblemResults
{
    /// <summary>Writes a 429 with Retry-After; used by the rate limiter.</summary>
    public static async ValueTask WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(60)).TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = 429,
                Title = "Too Many Requests",
                Detail = $"Too many requests; retry after {seconds} seconds.",
            },
        });
        _ = ct;
    }
}
