using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using UpNest.Schedules;
using UpNest.Schedules.Reactions;
using UpNest.Schedules.Vaccinations;
using UpNest.Api.Audit;

namespace UpNest.Api.Endpoints;

public static class VaccinationEndpoints
{
    private static readonly IReadOnlyDictionary<string, ReactionType> ReactionTypes = Enum.GetValues<ReactionType>().ToDictionary(v => v.ToApi());
    private static readonly IReadOnlyDictionary<string, ReactionSeverity> Severities = Enum.GetValues<ReactionSeverity>().ToDictionary(v => v.ToApi());
    private static readonly IReadOnlyDictionary<string, ReactionOutcome> Outcomes = Enum.GetValues<ReactionOutcome>().ToDictionary(v => v.ToApi());

    /// <summary>Doses, the due list, the calendar feed and link, and milestones: one call maps the whole area.</summary>
    public static IEndpointRouteBuilder MapVaccinationAndMilestoneEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapVaccinationEndpoints();
        app.MapCalendarEndpoints();
        app.MapMilestoneEndpoints();
        return app;
    }

    public static IEndpointRouteBuilder MapVaccinationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/babies/{babyId}/vaccinations").WithTags("Vaccinations").RequireAuthorization();
        group.AuditedAs("vaccination", idParameter: "id").RecordsCreated<RecordedDoseResponse>(d => d.Id);

        group.MapGet("", async Task<Ok<DoseListResponse>> (
            BabyScope scope, string? status, string? asOf, int? limit, string? cursor, VaccinationService doses, CursorProtector cursors, CancellationToken ct) =>
        {
            var statuses = ParseStatuses(status);
            var day = ParseDay(asOf);
            var cursorScope = new CursorScope("vaccinations", scope.Access.BabyId, day is null ? status ?? string.Empty : $"{status}|{asOf}");
            var list = await doses.ListAsOfAsync(scope.Access, statuses, Paging.Request(limit, cursor, cursorScope, cursors), day, ct);
            var items = list.Page.Items
                .Select(v => DoseResponse.From(v) with { Evaluation = DoseEvaluationResponse.From(list.Forecast?.ByRecord.GetValueOrDefault(v.Dose.Id)) })
                .ToList();
            return TypedResults.Ok(new DoseListResponse(items, cursors.Protect(list.Page.Next, cursorScope),
                ScheduleResponse.From(VaccinationPlanning.ScheduleFor(scope.Baby)), list.AsOf, VaccineGroupForecastResponse.From(list.Forecast)));
        }).WithName("listVaccinations").WithSummary("The baby's record and forecast as of a day (default today): doses by due date with their evaluation, and each vaccine group's next dose; status filters (comma-separated)");

        group.MapPost("", async Task<Created<RecordedDoseResponse>> (
            BabyScope scope, JsonBody<DoseRequest> body, DoseRecorder recorder, HttpResponse response, CancellationToken ct) =>
        {
            var recorded = await recorder.RecordAsync(scope.Access, ReadDose(body), ct);
            ETags.Set(response, recorded.Primary.Dose.Version);
            var result = new RecordedDoseResponse(DoseResponse.From(recorded.Primary), recorded.AlsoCompleted.Select(DoseResponse.From).ToList());
            return TypedResults.Created($"/v1/babies/{scope.Access.BabyId}/vaccinations/{result.Id}", result);
        }).ProducesETag().ProducesConflict().WithName("recordDose").WithSummary("Record a given dose; completes the matching planned dose");

        group.MapGet("/{id}", async Task<Ok<DoseResponse>> (BabyScope scope, string id, VaccinationService doses, HttpResponse response, CancellationToken ct) =>
        {
            var dose = await doses.GetAsync(scope.Access, id, ct);
            ETags.Set(response, dose.Dose.Version);
            return TypedResults.Ok(DoseResponse.From(dose));
        }).ProducesETag().WithName("getDose").WithSummary("One dose");

        group.MapPatch("/{id}", async Task<Ok<DoseResponse>> (
            BabyScope scope, string id, JsonBody<DoseRequest> body, HttpContext http, DoseRecorder recorder, CancellationToken ct) =>
        {
            var updated = await recorder.UpdateAsync(scope.Access, id, ReadDose(body), ETags.ExpectedVersion(http.Request), ct);
            ETags.Set(http.Response, updated.Dose.Version);
            return TypedResults.Ok(DoseResponse.From(updated));
        }).AcceptsMergePatch().AcceptsIfMatch().ProducesETag().ProducesConflict().WithName("updateDose").WithSummary("Change a dose, or skip it with a reason (merge patch)");

        group.MapDelete("/{id}", async Task<NoContent> (BabyScope scope, string id, HttpRequest request, VaccinationService doses, CancellationToken ct) =>
        {
            await doses.DeleteAsync(scope.Access, id, ETags.ExpectedVersion(request), ct);
            return TypedResults.NoContent();
        }).AcceptsIfMatch().ProducesConflict().WithName("deleteDose").WithSummary("Take back a recorded dose: a planned one is planned again, one outside the schedule is removed");

        group.MapPost("/{id}/reactions", async Task<Created<ReactionResponse>> (
            BabyScope scope, string id, JsonBody<ReactionRequest> body, DoseRecorder recorder, CancellationToken ct) =>
        {
            var reaction = await recorder.AddReactionAsync(scope.Access, id, ReadReaction(body), ct);
            return TypedResults.Created($"/v1/babies/{scope.Access.BabyId}/vaccinations/{id}", ReactionResponse.From(reaction));
        }).WithName("recordReaction").WithSummary("Record a reaction to a given dose");

        app.MapGet("/v1/me/vaccinations/due", async Task<Ok<ListResponse<DueDoseResponse>>> (
            CurrentUser me, int? withinDays, int? limit, string? cursor, VaccinationService doses, CursorProtector cursors, CancellationToken ct) =>
        {
            var days = withinDays ?? 30;
            var cursorScope = new CursorScope("vaccinations-due", me.Id, days.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var page = await doses.DueAsync(me.Id, days, Paging.Request(limit, cursor, cursorScope, cursors), ct);
            var items = page.Items.Select(d => new DueDoseResponse(DoseResponse.From(new DoseView(d.Dose, d.Status)), d.BabyName)).ToList();
            return TypedResults.Ok(new ListResponse<DueDoseResponse>(items, cursors.Protect(page.Next, cursorScope)));
        }).WithTags("Vaccinations").RequireAuthorization()
          .WithName("listDueDoses").WithSummary("Doses due or overdue now, or due within withinDays, across the caller's babies");

        return app;
    }

    /// <summary>The <c>asOf</c> day of the list: a calendar date, YYYY-MM-DD.</summary>
    private static DateOnly? ParseDay(string? asOf) =>
        asOf is null ? null
        : DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw new ValidationException("asOf", "asOf is a date, YYYY-MM-DD.");

    /// <summary>One status, or several separated by commas (<c>due,overdue</c>).</summary>
    private static HashSet<DoseStatus>? ParseStatuses(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return null;
        }
        var set = new HashSet<DoseStatus>();
        foreach (var part in status.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!UpNest.Schedules.ApiNames.TryParse<DoseStatus>(part, out var parsed))
            {
                throw new ValidationException("status", "Use upcoming, due, overdue, completed, skipped or not-applicable (comma-separated for several).");
            }
            set.Add(parsed);
        }
        return set;
    }

    private static DoseInput ReadDose(JsonBody<DoseRequest> body)
    {
        var f = body.Fields();
        var input = new DoseInput
        {
            Vaccine = f.String("vaccine", 40),
            DoseNumber = f.Integer("doseNumber"),
            GivenOn = f.Date("givenOn"),
            Cvx = f.String("cvx", 3),
            Product = f.String("product", 200),
            LotNumber = f.String("lotNumber", 50),
            Site = f.Enum("site", DoseNames.Sites),
            Route = f.Enum("route", DoseNames.Routes),
            Provider = f.String("provider", 200),
            Note = f.String("note", 2000),
            Status = f.String("status", 20),
            SkipReason = f.String("skipReason", 500),
        };
        f.Errors.ThrowIfAny();
        return input;
    }

    private static ReactionInput ReadReaction(JsonBody<ReactionRequest> body)
    {
        var f = body.Fields();
        var input = new ReactionInput(
            f.Enum("type", ReactionTypes).Value, f.Enum("severity", Severities).Value, f.Number("onsetHours").Value,
            f.Number("durationHours").Value, f.Enum("outcome", Outcomes).Value, f.Boolean("careSought").Value, f.String("note", 2000).Value);
        f.Errors.ThrowIfAny();
        return input;
    }
}
