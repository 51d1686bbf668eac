using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Contracts;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Users;

namespace UpNest.Api.Endpoints;

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/me").WithTags("Me").RequireAuthorization();

        group.MapGet("", Ok<UserResponse> (CurrentUser me, HttpResponse response) =>
        {
            ETags.Set(response, me.User.Version);
            return TypedResults.Ok(UserResponse.From(me.User));
        }).WithName("getMe").WithSummary("The caller's profile").ProducesETag()
            .AllowWhileAccountDeleted();

        group.MapPatch("", async Task<Ok<UserResponse>> (CurrentUser me, JsonBody<ProfilePatchRequest> body, HttpContext http, ProfileService profiles, CancellationToken ct) =>
        {
            var fields = body.Fields();
            var patch = new ProfilePatch
            {
                DisplayName = fields.String("displayName", 100),
                TimeZone = fields.String("timeZone", 64),
                Units = fields.Enum("units", ApiNames.UnitSystems),
                Country = fields.String("country", 2),
                Locale = fields.String("locale", 35),
            };
            fields.Errors.ThrowIfAny();
            var user = await profiles.UpdateAsync(me.Id, patch, ETags.ExpectedVersion(http.Request), ct);
            ETags.Set(http.Response, user.Version);
            return TypedResults.Ok(UserResponse.From(user));
        }).AcceptsMergePatch().AcceptsIfMatch().ProducesETag().WithName("updateMe").WithSummary("Change the caller's profile (merge patch)");

        group.MapDelete("", async Task<NoContent> (CurrentUser me, HttpRequest request, AccountDeletion deletion, CancellationToken ct) =>
        {
            await deletion.DeleteAsync(me.Id, ETags.ExpectedVersion(request), ct);
            return TypedResults.NoContent();
        }).AcceptsIfMatch().WithName("deleteMe").WithSummary("Delete the account after the grace period (and the babies it alone owns)");

        group.MapPost("/restore", async Task<Ok<UserResponse>> (CurrentUser me, AccountDeletion deletion, CancellationToken ct) =>
            TypedResults.Ok(UserResponse.From(await deletion.RestoreAsync(me.Id, ct))))
            .WithName("restoreMe").WithSummary("Cancel the account's deletion within the grace period")
            .AllowWhileAccountDeleted();

        return app;
    }
}
