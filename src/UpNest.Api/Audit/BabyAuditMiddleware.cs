using System.Runtime.ExceptionServices;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Api.Audit;

/// <summary>
/// Records the audit events of every route that declares <see cref="Audited"/> (every baby route:
/// the route-table test makes sure of it), the one place that does it.
/// <para>
/// A change is audited before it is attempted: once the caller is known to hold a role on the
/// baby, a write first stores an <see cref="AuditOutcomes.Attempted"/> event and only then runs,
/// so a change that commits always has its event, even if the process dies right after the
/// commit. The outcome event follows before the answer is sent; if it cannot be stored the answer
/// still goes out (the change happened and its attempt is on the chain), never a 5xx for a
/// committed change. A read has nothing to lose: its one event is stored before the answer, and
/// if it cannot be, the caller gets a 503 instead of an unaudited answer.
/// </para>
/// </summary>
public sealed partial class BabyAuditMiddleware(RequestDelegate next, ILogger<BabyAuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, AuditTrail trail, BabyAuthorizer authorizer)
    {
        var user = context.Features.Get<CurrentUser>();
        var endpoint = context.GetEndpoint();
        var audited = endpoint?.Metadata.GetMetadata<Audited>();
        var babyId = context.Request.RouteValues["babyId"] as string;
        var startsChain = endpoint?.Metadata.GetMetadata<StartsBabyChain>() is not null;
        if (audited is null || user is null || (!startsChain && babyId is not { Length: > 0 and <= 64 }))
        {
            await next(context);
            return;
        }

        var changes = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        var mayAct = startsChain || await MayActAsync(context);
        if (changes && mayAct)
        {
            // On the baby's chain, or on the caller's own for a baby that does not exist yet.
            await RecordAsync(trail, context, babyId ?? user.Id, audited, ResourceId(context, audited, babyId ?? "new"), AuditOutcomes.Attempted);
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

        // A new baby has no {babyId} in its route: its chain starts with the create, and a failed
        // create has no baby to attach an event to.
        babyId ??= status == StatusCodes.Status201Created ? context.Features.Get<CreatedResource>()?.Id : null;
        var outcome = babyId is null ? null : await OutcomeAsync(status, mayAct, authorizer, user.Id, babyId, context.RequestAborted);
        if (outcome is not null && babyId is not null)
        {
            var resource = ResourceId(context, audited, babyId);
            if (changes && mayAct)
            {
                await TryRecordOutcomeAsync(trail, context, babyId, audited, resource, outcome);
            }
            else
            {
                await RecordAsync(trail, context, babyId, audited, resource, outcome);
            }
        }
        failure?.Throw();
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Whether the caller holds a role on the baby; the answer is kept for the handler's own binding.</summary>
    private static async Task<bool> MayActAsync(HttpContext context)
    {
        try
        {
            await BabyScope.AuthorizeAsync(context);
            return true;
        }
        catch (DomainException e) when (e is NotFoundException or ForbiddenException)
        {
            return false;
        }
    }

    private static string ResourceId(HttpContext context, Audited audited, string babyId)
    {
        var id = audited.IdParameter is { } name && context.Request.RouteValues[name] is string value ? value
            : context.Response.StatusCode == StatusCodes.Status201Created && context.Features.Get<CreatedResource>() is { } created ? created.Id
            : babyId;
        return audited.ResourceType + ":" + id;
    }

    private async Task RecordAsync(AuditTrail trail, HttpContext context, string subject, Audited audited, string resource, string outcome)
    {
        try
        {
            await trail.RecordAsync(Entry(context, subject, audited, resource, outcome), context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StoreUnavailableException)
        {
            LogAuditFailed(logger, audited.Action, e);
            throw new StoreUnavailableException(TimeSpan.FromSeconds(5), e);
        }
    }

    private async Task TryRecordOutcomeAsync(AuditTrail trail, HttpContext context, string subject, Audited audited, string resource, string outcome)
    {
        try
        {
            // Not the request's token: the change is done, its outcome is recorded even if the client left.
            await trail.RecordAsync(Entry(context, subject, audited, resource, outcome), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogOutcomeLost(logger, audited.Action, e);
        }
    }

    private static AuditEntry Entry(HttpContext context, string subject, Audited audited, string resource, string outcome) =>
        new(subject, context.Features.Get<CurrentUser>()!.Id, audited.Action, resource, outcome,
            context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString());

    /// <summary>
    /// A 404 is recorded only for someone who can see the baby (a missing measurement, say, or a
    /// route that does not serve a soft-deleted baby): a stranger's 404 may name no baby at all,
    /// and recording it would let anyone start chains. A 401 has no actor to record.
    /// </summary>
    private static async Task<string?> OutcomeAsync(int status, bool mayAct, BabyAuthorizer authorizer, string userId, string babyId, CancellationToken ct)
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
        if (status == StatusCodes.Status404NotFound && !mayAct)
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

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error,
        Message = "The outcome of {Action} could not be stored; its attempt is on the chain and the answer goes out")]
    private static partial void LogOutcomeLost(ILogger logger, string action, Exception exception);
}
