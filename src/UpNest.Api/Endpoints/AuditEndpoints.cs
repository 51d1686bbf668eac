using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Audit;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Http;
using UpNest.Core.Audit;
using UpNest.Core.Babies;

namespace UpNest.Api.Endpoints;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/babies/{babyId}/audit", async Task<Ok<ListResponse<AuditEventResponse>>> (
            BabyScope scope, int? limit, string? cursor, AuditQueries audit, CursorProtector cursors, CancellationToken ct) =>
        {
            var cursorScope = new CursorScope("baby-audit", scope.Access.BabyId, string.Empty);
            var page = await audit.ListForBabyAsync(scope.Access, Paging.Request(limit, cursor, cursorScope, cursors), ct);
            return TypedResults.Ok(new ListResponse<AuditEventResponse>(
                page.Items.Select(AuditEventResponse.From).ToList(), cursors.Protect(page.Next, cursorScope)));
        }).WithTags("Audit").RequireAuthorization().RequireBabyRole(Role.Owner)
          .WithName("listBabyAudit").WithSummary("Who looked at or changed the baby's records")
            .Audited(AuditActions.AuditRead, "audit");

        app.MapGet("/v1/me/audit", async Task<Ok<ListResponse<AuditEventResponse>>> (
            CurrentUser me, int? limit, string? cursor, AuditQueries audit, CursorProtector cursors, CancellationToken ct) =>
        {
            var cursorScope = new CursorScope("me-audit", me.Id, string.Empty);
            var page = await audit.ListForUserAsync(me.Id, Paging.Request(limit, cursor, cursorScope, cursors), ct);
            return TypedResults.Ok(new ListResponse<AuditEventResponse>(
                page.Items.Select(AuditEventResponse.From).ToList(), cursors.Protect(page.Next, cursorScope)));
        }).WithTags("Audit").RequireAuthorization().WithName("listMyAudit").WithSummary("The events on the caller's own account");

        return app;
    }
}
