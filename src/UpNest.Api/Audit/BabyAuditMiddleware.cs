using System.Runtime.ExceptionServices;
using UpNest.Api.Auth;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Api.Audit;

/// <summary>
/// Records an audit event for every request to a route with {babyId} in its pattern: the one
/// place that does it, keyed on the route table, so a new baby route is covered automatically.
/// <para>
/// The response is held in memory until the event is stored: the handler's store write has
/// succeeded by then, but nothing has gone to the client. If the event cannot be written, the
/// caller gets a 503 problem instead of an unaudited answer (the write itself stays done; a
/// retry with the same Idempotency-Key replays it and is audited then).
/// </para>
/// </summary>
public sealed partial class BabyAuditMiddleware(RequestDelegate next, ILogger<BabyAuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, AuditTrail trail, BabyAuthorizer authorizer)
    {
        var user = context.Features.Get<CurrentUser>();
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var babyId = context.Request.RouteValues["babyId"] as string;
        var creating = endpoint is not null && AuditNaming.CreatesBaby(endpoint, context.Request.Method);
        if (endpoint is null || user is null || (!creating && (!AuditNaming.IsBabyRoute(endpoint) || babyId is not { Length: > 0 and <= 64 })))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        ExceptionDispatchInfo? failure = null;
        int status;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = ExceptionDispatchInfo.Capture(e);
            status = StatusOf(e);
        }
        finally
        {
            context.Response.Body = original;
        }

        // A new baby has no {babyId} in its route yet: its chain starts with the create, and
        // a failed create has no baby to attach an event to.
        babyId ??= creating && status == StatusCodes.Status201Created ? AuditNaming.LastSegment(context.Response.Headers.Location.ToString()) : null;
        var outcome = babyId is null ? null : await OutcomeAsync(status, authorizer, user.Id, babyId, context.RequestAborted);
        if (outcome is not null && babyId is not null)
        {
            var (action, resource) = AuditNaming.Describe(endpoint, context, babyId);
            await RecordOrFailAsync(trail, new AuditEntry(babyId, user.Id, action, resource, outcome,
                context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
        }
        failure?.Throw();
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task RecordOrFailAsync(AuditTrail trail, AuditEntry entry, CancellationToken ct)
    {
        try
        {
            await trail.RecordAsync(entry, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreUnavailableException)
        {
            LogAuditFailed(logger, entry.Action, e);
            throw new StoreUnavailableException(TimeSpan.FromSeconds(5), e);
        }
    }

    /// <summary>
    /// A 404 is recorded only for someone who can see the baby (a missing measurement, say):
    /// a stranger's 404 may name no baby at all, and recording it would let anyone start chains.
    /// A 401 has no actor to record.
    /// </summary>
    private static async Task<string?> OutcomeAsync(int status, BabyAuthorizer authorizer, string userId, string babyId, CancellationToken ct)
    {
        if (status < 400)
        {
            return AuditOutcomes.Success;
        }
        if (status == StatusCodes.Status401Unauthorized)
        {
            return null;
        }
        if (status == StatusCodes.Status403Forbidden)
        {
            return AuditOutcomes.Denied;
        }
        if (status == StatusCodes.Status404NotFound)
        {
            try
            {
                await authorizer.AuthorizeAsync(userId, babyId, Role.Viewer, ct, includeDeleted: true);
            }
            catch (NotFoundException)
            {
                return null;
            }
        }
        return AuditOutcomes.Failed;
    }

    private static int StatusOf(Exception e) => e switch
    {
        UnauthorizedException => StatusCodes.Status401Unauthorized,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        DomainException or BadHttpRequestException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Audit event {Action} could not be stored; the request fails")]
    private static partial void LogAuditFailed(ILogger logger, string action, Exception exception);
}
