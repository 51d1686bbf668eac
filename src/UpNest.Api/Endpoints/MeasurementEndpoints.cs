using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Api.Audit;

namespace UpNest.Api.Endpoints;

public static class MeasurementEndpoints
{
    public static IEndpointRouteBuilder MapMeasurementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/babies/{babyId}/measurements").WithTags("Measurements").RequireAuthorization();
        group.AuditedAs("measurement", idParameter: "id").RecordsCreated<MeasurementResponse>(m => m.Id);

        group.MapGet("", async Task<Ok<ListResponse<MeasurementResponse>>> (
            BabyScope scope, string? from, string? to, int? limit, string? cursor,
            MeasurementService measurements, MeasurementScorer scorer, CursorProtector cursors, CancellationToken ct) =>
        {
            var (fromDate, toDate) = (ParseDate("from", from), ParseDate("to", to));
            var cursorScope = new CursorScope("measurements", scope.Access.BabyId, $"{from}|{to}");
            var page = await measurements.ListAsync(scope.Access, fromDate, toDate, Paging.Request(limit, cursor, cursorScope, cursors), ct);
            var items = page.Items.Select(m => MeasurementResponse.From(m, scorer.Score(scope.Baby, m))).ToList();
            return TypedResults.Ok(new ListResponse<MeasurementResponse>(items, cursors.Protect(page.Next, cursorScope)));
        }).WithName("listMeasurements").WithSummary("A baby's measurements with z-scores, oldest first; from/to as yyyy-MM-dd");

        group.MapPost("", async Task<Created<MeasurementResponse>> (
            BabyScope scope, JsonBody<MeasurementRequest> body, MeasurementService measurements, MeasurementScorer scorer, HttpResponse response, CancellationToken ct) =>
        {
            var created = await measurements.CreateAsync(scope.Access, ReadMeasurement(body), ct);
            ETags.Set(response, created.Version);
            return TypedResults.Created($"/v1/babies/{scope.Access.BabyId}/measurements/{created.Id}",
                MeasurementResponse.From(created, scorer.Score(scope.Baby, created)));
        }).ProducesETag().WithName("createMeasurement").WithSummary("Record a measurement (metric or imperial units)");

        group.MapGet("/{id}", async Task<Ok<MeasurementResponse>> (
            BabyScope scope, string id, MeasurementService measurements, MeasurementScorer scorer, HttpResponse response, CancellationToken ct) =>
        {
            var measurement = await measurements.GetAsync(scope.Access, id, ct);
            ETags.Set(response, measurement.Version);
            return TypedResults.Ok(MeasurementResponse.From(measurement, scorer.Score(scope.Baby, measurement)));
        }).ProducesETag().WithName("getMeasurement").WithSummary("One measurement with its z-scores");

        group.MapPatch("/{id}", async Task<Ok<MeasurementResponse>> (
            BabyScope scope, string id, JsonBody<MeasurementRequest> body, HttpContext http, MeasurementService measurements, MeasurementScorer scorer, CancellationToken ct) =>
        {
            var updated = await measurements.UpdateAsync(scope.Access, id, ReadMeasurement(body), ETags.ExpectedVersion(http.Request), ct);
            ETags.Set(http.Response, updated.Version);
            return TypedResults.Ok(MeasurementResponse.From(updated, scorer.Score(scope.Baby, updated)));
        }).AcceptsMergePatch().AcceptsIfMatch().ProducesETag().WithName("updateMeasurement").WithSummary("Change a measurement (merge patch)");

        group.MapDelete("/{id}", async Task<NoContent> (BabyScope scope, string id, HttpRequest request, MeasurementService measurements, CancellationToken ct) =>
        {
            await measurements.DeleteAsync(scope.Access, id, ETags.ExpectedVersion(request), ct);
            return TypedResults.NoContent();
        }).AcceptsIfMatch().WithName("deleteMeasurement").WithSummary("Delete a measurement");

        return app;
    }

    private static DateOnly? ParseDate(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ValidationException(name, "Must be a date as yyyy-MM-dd.");
    }

    private static MeasurementPatch ReadMeasurement(JsonBody<MeasurementRequest> body)
    {
        var f = body.Fields();
        var patch = new MeasurementPatch
        {
            MeasuredOn = f.Date("measuredOn"),
            WeightKg = f.Number("weightKg"),
            WeightLb = f.Number("weightLb"),
            WeightOz = f.Number("weightOz"),
            LengthCm = f.Number("lengthCm"),
            HeightCm = f.Number("heightCm"),
            LengthIn = f.Number("lengthIn"),
            HeightIn = f.Number("heightIn"),
            HeadCircumferenceCm = f.Number("headCircumferenceCm"),
            HeadCircumferenceIn = f.Number("headCircumferenceIn"),
            ArmCircumferenceCm = f.Number("armCircumferenceCm"),
            TricepsSkinfoldMm = f.Number("tricepsSkinfoldMm"),
            SubscapularSkinfoldMm = f.Number("subscapularSkinfoldMm"),
            Oedema = f.Boolean("oedema"),
            Note = f.String("note", 2000),
            Source = f.String("source", 50),
        };
        f.Errors.ThrowIfAny();
        return patch;
    }
}
