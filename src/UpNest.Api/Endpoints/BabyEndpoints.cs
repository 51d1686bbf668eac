using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Babies;
using UpNest.Api.Audit;
using UpNest.Core.Audit;

namespace UpNest.Api.Endpoints;

public static class BabyEndpoints
{
    public static IEndpointRouteBuilder MapBabyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/babies").WithTags("Babies").RequireAuthorization();

        group.MapGet("", async Task<Ok<ListResponse<BabyResponse>>> (
            CurrentUser me, int? limit, string? cursor, BabyService babies, CursorProtector cursors, CancellationToken ct) =>
        {
            var scope = new CursorScope("babies", me.Id, string.Empty);
            var page = await babies.ListAsync(me.Id, Paging.Request(limit, cursor, scope, cursors), ct);
            var items = page.Items.Select(b => BabyResponse.From(b.Baby, b.Role)).ToList();
            return TypedResults.Ok(new ListResponse<BabyResponse>(items, cursors.Protect(page.Next, scope)));
        }).WithName("listBabies").WithSummary("The babies the caller may see, with the caller's role");

        group.MapPost("", async Task<Created<BabyResponse>> (CurrentUser me, JsonBody<BabyRequest> body, BabyService babies, HttpResponse response, CancellationToken ct) =>
        {
            var created = await babies.CreateAsync(me.Id, ReadBaby(body), ct);
            ETags.Set(response, created.Baby.Version);
            return TypedResults.Created($"/v1/babies/{created.Baby.Id}", BabyResponse.From(created.Baby, created.Role));
        }).ProducesETag().WithName("createBaby").WithSummary("Add a baby; the caller becomes its owner")
            .Audited(AuditActions.BabyCreate, "baby").WithMetadata(new StartsBabyChain()).RecordsCreated<BabyResponse>(b => b.Id);

        var baby = group.MapGroup("/{babyId}").AuditedAs("baby");

        baby.MapGet("", Ok<BabyResponse> (BabyScope scope, HttpResponse response) =>
        {
            ETags.Set(response, scope.Baby.Version);
            return TypedResults.Ok(BabyResponse.From(scope.Baby, scope.Access.Role));
        }).ProducesETag().WithName("getBaby").WithSummary("One baby");

        baby.MapPatch("", async Task<Ok<BabyResponse>> (BabyScope scope, JsonBody<BabyRequest> body, HttpContext http, BabyService babies, CancellationToken ct) =>
        {
            var patch = ReadBaby(body);
            var updated = await babies.UpdateAsync(scope.Access, patch, ETags.ExpectedVersion(http.Request), ct);
            ETags.Set(http.Response, updated.Version);
            return TypedResults.Ok(BabyResponse.From(updated, scope.Access.Role));
        }).AcceptsMergePatch().AcceptsIfMatch().ProducesETag().WithName("updateBaby").WithSummary("Change a baby's profile (merge patch)");

        baby.MapDelete("", async Task<NoContent> (BabyScope scope, HttpRequest request, BabyService babies, CancellationToken ct) =>
        {
            await babies.DeleteAsync(scope.Access, ETags.ExpectedVersion(request), ct);
            return TypedResults.NoContent();
        }).RequireBabyRole(Role.Owner).AcceptsIfMatch().WithName("deleteBaby").WithSummary("Hide a baby now; purged after the grace period");

        baby.MapPost("/restore", async Task<Ok<BabyResponse>> (BabyScope scope, BabyService babies, CancellationToken ct) =>
        {
            var restored = await babies.RestoreAsync(scope.Access, ct);
            return TypedResults.Ok(BabyResponse.From(restored, scope.Access.Role));
        }).RequireBabyRole(Role.Owner).AllowDeletedBaby().WithName("restoreBaby").WithSummary("Bring a deleted baby back within the grace period")
            .Audited(AuditActions.BabyRestore, "baby");

        return app;
    }

    private static BabyPatch ReadBaby(JsonBody<BabyRequest> body)
    {
        var fields = body.Fields();
        var patch = new BabyPatch
        {
            Name = fields.String("name", 100),
            Sex = fields.Enum("sex", ApiNames.Sexes),
            DateOfBirth = fields.Date("dateOfBirth"),
            GestationalAgeWeeks = fields.Integer("gestationalAgeWeeks"),
            GestationalAgeDays = fields.Integer("gestationalAgeDays"),
            BirthWeightKg = fields.Number("birthWeightKg"),
            BirthLengthCm = fields.Number("birthLengthCm"),
            BirthHeadCircumferenceCm = fields.Number("birthHeadCircumferenceCm"),
            Country = fields.String("country", 2),
            Notes = fields.String("notes", 4000),
        };
        fields.Errors.ThrowIfAny();
        return patch;
    }
}
