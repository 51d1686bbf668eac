using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Common;
using UpNest.Core.Milestones;
using UpNest.Schedules;
using UpNest.Schedules.Milestones;
using UpNest.Api.Audit;

namespace UpNest.Api.Endpoints;

public static class MilestoneEndpoints
{
    private static readonly IReadOnlyDictionary<string, MilestoneDomain> Domains = Enum.GetValues<MilestoneDomain>().ToDictionary(v => v.ToApi());

    public static IEndpointRouteBuilder MapMilestoneEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/babies/{babyId}/milestones").WithTags("Milestones").RequireAuthorization();
        group.AuditedAs("milestone", idParameter: "key").RecordsCreated<MilestoneResponse>(m => m.Key);

        group.MapGet("", async Task<Ok<MilestoneListResponse>> (
            BabyScope scope, string? domain, string? status, int? limit, string? cursor,
            MilestoneService milestones, CursorProtector cursors, CancellationToken ct) =>
        {
            var domainFilter = Parse(domain, Domains, "domain", "social-emotional, language-communication, cognitive or movement-physical");
            MilestoneStatus? statusFilter = string.IsNullOrEmpty(status) ? null
                : UpNest.Schedules.ApiNames.TryParse<MilestoneStatus>(status, out var s) ? s
                : throw new ValidationException("status", "Use achieved, expected or upcoming.");
            var cursorScope = new CursorScope("milestones", scope.Access.BabyId, $"{domain}|{status}");
            var page = Paging.Request(limit, cursor, cursorScope, cursors);
            var list = await milestones.ListAsync(scope.Access, domainFilter, statusFilter, ct);
            // The list is evaluated on read in a fixed order (band, WHO, custom); the cursor is the last key returned.
            var start = page.After is { } after ? list.Items.ToList().FindIndex(m => m.Key == after) + 1 : 0;
            var items = list.Items.Skip(start).Take(page.Limit).ToList();
            var next = start + items.Count < list.Items.Count && items.Count > 0 ? items[^1].Key : null;
            var responses = items.Select(m => MilestoneResponse.From(m, list.Versions.TryGetValue(m.Key, out var v) ? v : null)).ToList();
            return TypedResults.Ok(MilestoneListResponse.From(list, responses, cursors.Protect(next, cursorScope)));
        }).WithQueryValues("domain", [.. Domains.Keys]).WithQueryValues("status", "achieved", "expected", "upcoming")
          .WithName("listMilestones").WithSummary("The checklist up to the baby's (corrected) age and the next band, and custom milestones");

        group.MapGet("/{key}", async Task<Ok<MilestoneResponse>> (BabyScope scope, string key, MilestoneService milestones, HttpResponse response, CancellationToken ct) =>
        {
            var (view, version) = await milestones.GetAsync(scope.Access, key, ct);
            SetVersion(response, version);
            return TypedResults.Ok(MilestoneResponse.From(view, version));
        }).ProducesETag().WithName("getMilestone").WithSummary("One milestone");

        group.MapPut("/{key}", async Task<Ok<MilestoneResponse>> (
            BabyScope scope, string key, JsonBody<MilestoneRequest> body, HttpContext http, MilestoneService milestones, CancellationToken ct) =>
        {
            var (view, version) = await milestones.PutAsync(scope.Access, key, ReadMilestone(body), ETags.ExpectedVersion(http.Request), ct);
            SetVersion(http.Response, version);
            return TypedResults.Ok(MilestoneResponse.From(view, version));
        }).AcceptsIfMatch().ProducesETag().ProducesConflict().WithName("updateMilestone").WithSummary("Tick a milestone achieved (with a date) or change its note");

        group.MapPost("", async Task<Created<MilestoneResponse>> (
            BabyScope scope, JsonBody<MilestoneRequest> body, MilestoneService milestones, HttpResponse response, CancellationToken ct) =>
        {
            var (view, version) = await milestones.CreateCustomAsync(scope.Access, ReadMilestone(body), ct);
            ETags.Set(response, version);
            return TypedResults.Created($"/v1/babies/{scope.Access.BabyId}/milestones/{view.Key}", MilestoneResponse.From(view, version));
        }).ProducesETag().WithName("createMilestone").WithSummary("Add a custom milestone");

        return app;
    }

    private static void SetVersion(HttpResponse response, long? version)
    {
        if (version is { } v)
        {
            ETags.Set(response, v);
        }
    }

    private static T? Parse<T>(string? text, IReadOnlyDictionary<string, T> values, string field, string allowed) where T : struct =>
        string.IsNullOrEmpty(text) ? null
        : values.TryGetValue(text, out var value) ? value
        : throw new ValidationException(field, $"Use {allowed}.");

    private static MilestoneInput ReadMilestone(JsonBody<MilestoneRequest> body)
    {
        var f = body.Fields();
        var input = new MilestoneInput
        {
            AchievedOn = f.Date("achievedOn"),
            Note = f.String("note", 2000),
            Title = f.String("title", 200),
            Domain = f.Enum("domain", Domains),
            ExpectedAgeMonths = f.Number("expectedAgeMonths"),
        };
        f.Errors.ThrowIfAny();
        return input;
    }
}
