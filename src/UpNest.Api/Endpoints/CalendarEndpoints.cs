using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.OpenApi;
using UpNest.Core.Babies;
using UpNest.Core.Vaccinations;
using UpNest.Api.Audit;
using UpNest.Core.Audit;

namespace UpNest.Api.Endpoints;

/// <summary>
/// The vaccination calendar: with the bearer token, and through a secret link for calendar
/// apps (they cannot send a token). The link route is anonymous, so it does not use
/// <see cref="BabyScope"/>: the service checks the secret against its stored hash.
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/babies/{babyId}/vaccinations.ics", async Task<ContentHttpResult> (
            BabyScope scope, CalendarService calendar, HttpResponse response, CancellationToken ct) =>
        {
            response.Headers.CacheControl = "private, no-store";
            return TypedResults.Content(await calendar.FeedAsync(scope.Access, ct), ContentType);
        }).WithTags("Vaccinations").RequireAuthorization().ProducesContent("text/calendar")
          .WithName("getVaccinationCalendar").WithSummary("The baby's doses as an iCalendar feed")
            .Audited(AuditActions.VaccinationRead, "vaccination");

        app.MapPost("/v1/babies/{babyId}/calendar-link", async Task<Ok<CalendarLinkResponse>> (
            BabyScope scope, CalendarService calendar, HttpRequest request, CancellationToken ct) =>
        {
            var token = await calendar.CreateLinkAsync(scope.Access, ct);
            var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, $"/v1/calendar/{token}.ics");
            return TypedResults.Ok(new CalendarLinkResponse(url));
        }).WithTags("Vaccinations").RequireAuthorization().RequireBabyRole(Role.Owner)
          .WithName("createCalendarLink").WithSummary("A secret calendar URL for calendar apps; replaces the previous one")
            .Audited(AuditActions.CalendarLinkCreate, "calendar-link");

        app.MapDelete("/v1/babies/{babyId}/calendar-link", async Task<NoContent> (BabyScope scope, CalendarService calendar, CancellationToken ct) =>
        {
            await calendar.RevokeLinkAsync(scope.Access, ct);
            return TypedResults.NoContent();
        }).WithTags("Vaccinations").RequireAuthorization().RequireBabyRole(Role.Owner)
          .WithName("deleteCalendarLink").WithSummary("Stop the secret calendar URL from working")
            .Audited(AuditActions.CalendarLinkDelete, "calendar-link");

        app.MapGet("/v1/calendar/{token}.ics", async Task<ContentHttpResult> (
            string token, CalendarService calendar, HttpResponse response, CancellationToken ct) =>
        {
            // The link is a credential: keep it out of shared caches and of Referer headers.
            response.Headers.CacheControl = "private, no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return TypedResults.Content(await calendar.FeedForLinkAsync(token, ct), ContentType);
        }).WithTags("Vaccinations").AllowAnonymous().ProducesContent("text/calendar")
          .WithName("getCalendarByLink").WithSummary("The iCalendar feed behind a secret link (no token)");

        return app;
    }
}
