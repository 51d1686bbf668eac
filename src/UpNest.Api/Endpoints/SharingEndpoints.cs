using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Audit;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Sharing;

namespace UpNest.Api.Endpoints;

/// <summary>
/// Endpoint metadata: owners only, except that anyone may act on their own grant (leaving).
/// BabyScope lets every role in; <see cref="SharingService"/> applies the rule.
/// </summary>
public sealed record OwnerUnlessSelf;

public sealed record InvitationRequest(string? Email, string? Role);

public sealed record InvitationResponse(string Code, DateTimeOffset ExpiresAt, string Role);

public sealed record InvitationStatusResponse(string Id, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool EmailBound, DateTimeOffset? UsedAt);

public sealed record CaregiverResponse(string UserId, string DisplayName, string Role, DateTimeOffset Since)
{
    public static CaregiverResponse From(Caregiver c) => new(c.UserId, c.DisplayName, ApiNames.Name(c.Role), c.Since);
}

public sealed record RoleRequest(string? Role);

public static class SharingEndpoints
{
    public static IEndpointRouteBuilder MapSharingEndpoints(this IEndpointRouteBuilder app)
    {
        var baby = app.MapGroup("/v1/babies/{babyId}").WithTags("Sharing").RequireAuthorization();

        baby.MapPost("/invitations", async Task<Created<InvitationResponse>> (
            BabyScope scope, JsonBody<InvitationRequest> body, SharingService sharing, HttpContext http, CancellationToken ct) =>
        {
            var fields = body.Fields();
            var email = fields.String("email", 254);
            var role = fields.Enum("role", ApiNames.Roles);
            if (role.Value is null)
            {
                fields.Errors.Add("role", "role is required: caregiver or viewer.");
            }
            fields.Errors.ThrowIfAny();
            var issued = await sharing.InviteAsync(scope.Access, email.Value, role.Value!.Value, ct);
            http.Features.Set(new CreatedResource(issued.Invitation.Id));
            return TypedResults.Created($"/v1/babies/{scope.Access.BabyId}/invitations/{issued.Invitation.Id}",
                new InvitationResponse(issued.Code, issued.Invitation.ExpiresAt, ApiNames.Name(issued.Invitation.Role)));
        }).RequireBabyRole(Role.Owner)
          .WithName("createInvitation").WithSummary("Invite a caregiver or viewer: a code (optionally bound to an email)")
            .Audited(AuditActions.ShareInvite, "invitation");

        baby.MapGet("/invitations/{invitationId}", async Task<Ok<InvitationStatusResponse>> (
            BabyScope scope, string invitationId, SharingService sharing, CancellationToken ct) =>
        {
            var i = await sharing.GetInvitationAsync(scope.Access, invitationId, ct);
            return TypedResults.Ok(new InvitationStatusResponse(i.Id, ApiNames.Name(i.Role), i.CreatedAt, i.ExpiresAt, i.Email is not null, i.UsedAt));
        }).RequireBabyRole(Role.Owner).WithName("getInvitation").WithSummary("Whether an invitation is still open or used")
            .Audited(AuditActions.InvitationRead, "invitation", idParameter: "invitationId");

        baby.MapGet("/caregivers", async Task<Ok<ListResponse<CaregiverResponse>>> (
            BabyScope scope, int? limit, string? cursor, SharingService sharing, CursorProtector cursors, CancellationToken ct) =>
        {
            var cursorScope = new CursorScope("caregivers", scope.Access.BabyId, string.Empty);
            var page = await sharing.ListAsync(scope.Access, Paging.Request(limit, cursor, cursorScope, cursors), ct);
            return TypedResults.Ok(new ListResponse<CaregiverResponse>(
                page.Items.Select(CaregiverResponse.From).ToList(), cursors.Protect(page.Next, cursorScope)));
        }).RequireBabyRole(Role.Owner).WithName("listCaregivers").WithSummary("Who has access to the baby, with their roles")
            .Audited(AuditActions.CaregiverRead, "caregiver");

        baby.MapPatch("/caregivers/{userId}", async Task<Ok<CaregiverResponse>> (
            BabyScope scope, string userId, JsonBody<RoleRequest> body, SharingService sharing, CancellationToken ct) =>
        {
            var fields = body.Fields();
            var role = fields.Enum("role", ApiNames.Roles);
            if (role.Value is null)
            {
                fields.Errors.Add("role", "role is required: owner, caregiver or viewer.");
            }
            fields.Errors.ThrowIfAny();
            return TypedResults.Ok(CaregiverResponse.From(await sharing.ChangeRoleAsync(scope.Access, userId, role.Value!.Value, ct)));
        }).RequireBabyRole(Role.Owner)
          .AcceptsMergePatch().ProducesConflict().WithName("updateCaregiverRole").WithSummary("Change someone's role on the baby")
            .Audited(AuditActions.ShareRoleChange, "caregiver", idParameter: "userId");

        baby.MapDelete("/caregivers/{userId}", async Task<NoContent> (BabyScope scope, string userId, SharingService sharing, CancellationToken ct) =>
        {
            await sharing.RemoveAsync(scope.Access, userId, ct);
            return TypedResults.NoContent();
        }).RequireBabyRole(Role.Viewer).WithMetadata(new OwnerUnlessSelf())
          .ProducesConflict().WithName("removeCaregiver").WithSummary("Revoke someone's access, or leave (your own userId)")
            .Audited(AuditActions.ShareRevoke, "caregiver", idParameter: "userId");

        // Not a baby route: the caller has no access yet. The event goes on the baby's chain
        // before the answer is sent, like every other share.
        app.MapPost("/v1/invitations/{code}/accept", async Task<Ok<BabyResponse>> (
            CurrentUser me, string code, SharingService sharing, AuditTrail trail, HttpContext http, CancellationToken ct) =>
        {
            var accepted = await sharing.AcceptAsync(me.Id, code, ct);
            await AuditRecording.RecordAsync(trail, new AuditEntry(accepted.Baby.Id, me.Id, AuditActions.ShareAccept, $"caregiver:{me.Id}",
                AuditOutcomes.Success, http.TraceIdentifier, http.Connection.RemoteIpAddress?.ToString()), ct);
            return TypedResults.Ok(BabyResponse.From(accepted.Baby, accepted.Role));
        }).WithTags("Sharing").RequireAuthorization().ProducesConflict()
          .WithName("acceptInvitation").WithSummary("Accept an invitation code: answers the baby as the new caregiver or viewer sees it");

        return app;
    }
}
