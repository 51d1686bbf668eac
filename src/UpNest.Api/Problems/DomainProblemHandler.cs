using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using UpNest.Core.Accounts;
using UpNest.Core.Common;

namespace UpNest.Api.Problems;

/// <summary>The one place where failures become RFC 9457 problem details.</summary>
public sealed partial class DomainProblemHandler(IProblemDetailsService problems, ILogger<DomainProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = Describe(exception);
        if (status >= 500)
        {
            LogServerError(logger, exception.GetType().Name, httpContext.TraceIdentifier, exception);
        }
        if (exception is StoreUnavailableException unavailable)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        if (status == StatusCodes.Status401Unauthorized && !httpContext.Response.Headers.ContainsKey("WWW-Authenticate"))
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }
        httpContext.Response.StatusCode = status;
        var problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors) Describe(Exception e) => e switch
    {
        ValidationException v => (400, "The request is not valid.", v.Message, v.Errors),
        RefreshTokenReuseException r => (401, "Unauthorized", r.Message, null),
        UnauthorizedException u => (401, "Unauthorized", u.Message, null),
        ForbiddenException f => (403, "Forbidden", f.Message, null),
        NotFoundException n => (404, "Not Found", n.Message, null),
        ConflictException c => (409, "Conflict", c.Message, null),
        PreconditionFailedException p => (412, "Precondition Failed", p.Message, null),
        StoreUnavailableException s => (503, "Service Unavailable", s.Message, null),
        BadHttpRequestException b => DescribeBadRequest(b),
        JsonException j => DescribeJson(j),
        _ => (500, "An unexpected error occurred.", null, null),
    };

    private static (int, string, string?, IReadOnlyDictionary<string, string[]>?) DescribeBadRequest(BadHttpRequestException b)
    {
        if (b.InnerException is JsonException json)
        {
            return DescribeJson(json);
        }
        return b.StatusCode switch
        {
            413 => (413, "Payload Too Large", "The request body is larger than this endpoint accepts.", null),
            415 => (415, "Unsupported Media Type", "Send the body as application/json.", null),
            _ => (400, "Bad Request", "The request could not be read: check the parameters and the body.", null),
        };
    }

    private static (int, string, string?, IReadOnlyDictionary<string, string[]>?) DescribeJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return (400, "The request is not valid.", "The body is not valid JSON for this endpoint.",
            new Dictionary<string, string[]> { [field] = ["The value is malformed or of the wrong type."] });
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} for request {RequestId}")]
    private static partial void LogServerError(ILogger logger, string exceptionType, string requestId, Exception exception);
}
