using System.Text;
using Hl7.Fhir.Serialization;
using UpNest.Api.Audit;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Export;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Audit;
using UpNest.Core.Common;
using UpNest.Core.Export;
using UpNest.Core.Telemetry;

namespace UpNest.Api.Endpoints;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Audited by the baby-route middleware as "export", before the file is sent.
        app.MapGet("/v1/babies/{babyId}/export", async Task<IResult> (
            BabyScope scope, string? format, ExportService exports, MeasurementScorer scorer, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        {
            format = string.IsNullOrEmpty(format) ? "json" : format;
            if (format is not ("json" or "csv" or "fhir"))
            {
                throw new ValidationException("format", "format must be json, csv or fhir.");
            }
            var export = await exports.ExportBabyAsync(scope.Access, ct);
            UpNestMetrics.Exported();
            var name = $"upnest-{scope.Access.BabyId}";
            return format switch
            {
                "csv" => Download(response, Encoding.UTF8.GetBytes(CsvExport.Build(export)), "text/csv; charset=utf-8", name + ".csv"),
                "fhir" => Download(response, Encoding.UTF8.GetBytes(FhirExport.Build(export, clock.GetUtcNow()).ToJson()),
                    "application/fhir+json; charset=utf-8", name + ".fhir.json"),
                _ => Attachment(response, TypedResults.Json(BabyExportDocument.From(export, scorer)), name + ".json"),
            };
        }).WithTags("Export").RequireAuthorization()
          .Produces<BabyExportDocument>(StatusCodes.Status200OK, "application/json")
          .ProducesContent("text/csv", "application/fhir+json").WithQueryValues("format", "json", "csv", "fhir")
          .WithName("exportBaby").WithSummary("Everything recorded about the baby: json (default), csv or a FHIR R4 bundle")
            .Audited(AuditActions.Export, "baby");

        // Not a baby route: one event on the user's chain and one on each exported baby's chain,
        // all written before the file is sent.
        app.MapGet("/v1/me/export", async Task<IResult> (
            CurrentUser me, ExportService exports, MeasurementScorer scorer, AuditTrail trail, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var export = await exports.ExportUserAsync(me.Id, ct);
            UpNestMetrics.Exported();
            var address = http.Connection.RemoteIpAddress?.ToString();
            await AuditRecording.RecordAsync(trail, new AuditEntry(me.Id, me.Id, AuditActions.Export, $"user:{me.Id}",
                AuditOutcomes.Success, http.TraceIdentifier, address), ct);
            foreach (var baby in export.Babies)
            {
                await AuditRecording.RecordAsync(trail, new AuditEntry(baby.Baby.Id, me.Id, AuditActions.Export, $"baby:{baby.Baby.Id}",
                    AuditOutcomes.Success, http.TraceIdentifier, address), ct);
            }
            var document = UserExportDocument.From(export, scorer, clock.GetUtcNow());
            return Attachment(http.Response, TypedResults.Json(document), $"upnest-export-{me.Id}.json");
        }).WithTags("Export").RequireAuthorization().Produces<UserExportDocument>()
          .WithName("exportMe").WithSummary("Everything held about the caller and the caller's babies (JSON)")
            .AllowWhileAccountDeleted();

        return app;
    }

    private static IResult Download(HttpResponse response, byte[] content, string contentType, string fileName) =>
        Attachment(response, TypedResults.File(content, contentType), fileName);

    private static IResult Attachment(HttpResponse response, IResult result, string fileName)
    {
        // File names are built from ids only: no personal data in headers.
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";
        return result;
    }
}
