using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Growth;
using UpNest.Api.Http;
using UpNest.Api.OpenApi;
using UpNest.Core.Common;
using UpNest.Core.GrowthTracking;
using UpNest.Growth;
using UpNest.Growth.Charts;
using UpNest.Api.Audit;

namespace UpNest.Api.Endpoints;

public static class GrowthEndpoints
{
    private static readonly string[] IndicatorValues = [.. IndicatorNames.All.Select(i => i.ToApiName())];

    public static IEndpointRouteBuilder MapGrowthEndpoints(this IEndpointRouteBuilder app)
    {
        var calculator = app.MapGroup("/v1/growth").WithTags("Growth calculator").RequireAuthorization();

        calculator.MapPost("/zscores", Ok<ZScoreResultSet> (ZScoreRequest body) => TypedResults.Ok(ZScoreRequests.Calculate(body)))
            .WithName("calculateZScores").WithSummary("Stateless WHO z-score calculator for one child");

        calculator.MapPost("/zscores/batch", ZScoreBatchAnswer (ZScoreRequest?[] body, HttpResponse response) =>
        {
            if (body.Length > ZScoreBatch.MaxItems)
            {
                throw new ValidationException("body", $"A batch holds at most {ZScoreBatch.MaxItems} items.");
            }
            var started = Stopwatch.GetTimestamp();
            var answer = ZScoreBatch.ScoreToJson(body);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.Headers["Server-Timing"] = "calc;desc=\"score and encode\";dur=" + ms.ToString("0.0", CultureInfo.InvariantCulture);
            return answer;
        }).Produces<ZScoreResultSet[]>().WithMetadata(new BodyLimit(16 * 1024 * 1024))
          .WithName("calculateZScoresBatch").WithSummary("The calculator for many children; answers in the same order");

        var baby = app.MapGroup("/v1/babies/{babyId}/growth").WithTags("Growth").RequireAuthorization();
        baby.AuditedAs("growth");

        baby.MapGet("/summary", async Task<Ok<GrowthSummaryResponse>> (BabyScope scope, CurrentUser me, GrowthService growth, TimeProvider clock, CancellationToken ct) =>
        {
            var assessment = await growth.AssessAsync(scope.Access, ct);
            var today = UserClock.Today(clock, me.User.TimeZone);
            return TypedResults.Ok(GrowthResponses.Summary(scope.Baby, assessment, today));
        }).WithName("getGrowthSummary").WithSummary("Latest percentiles, trends and alerts for the baby");

        baby.MapGet("/chart", async Task<Ok<ChartResponse>> (
            BabyScope scope, string? indicator, double? from, double? to, GrowthService growth, CancellationToken ct) =>
        {
            var chart = await growth.ChartAsync(scope.Access, ParseIndicator(indicator), from, to, ct);
            return TypedResults.Ok(GrowthResponses.Chart(chart));
        }).WithQueryValues("indicator", IndicatorValues).WithName("getGrowthChart").WithSummary("A growth chart's curves and the baby's points, as JSON");

        baby.MapGet("/chart.svg", async Task<ContentHttpResult> (
            BabyScope scope, string? indicator, double? from, double? to, string? style, GrowthService growth, CancellationToken ct) =>
        {
            var chartStyle = style switch
            {
                null or "percentiles" => ChartStyle.Percentiles,
                "zscores" => ChartStyle.ZScores,
                _ => throw new ValidationException("style", "Must be percentiles or zscores."),
            };
            var chart = await growth.ChartAsync(scope.Access, ParseIndicator(indicator), from, to, ct);
            return TypedResults.Content(SvgChartRenderer.Render(chart, new SvgChartOptions(chartStyle)), "image/svg+xml");
        }).ProducesContent("image/svg+xml").WithQueryValues("indicator", IndicatorValues).WithQueryValues("style", "percentiles", "zscores")
          .WithName("getGrowthChartSvg").WithSummary("A growth chart drawn as SVG");

        return app;
    }

    private static Indicator ParseIndicator(string? name) =>
        IndicatorNames.TryParse(name ?? "weight-for-age", out var indicator)
            ? indicator
            : throw new ValidationException("indicator", "Must be one of: " + string.Join(", ", IndicatorNames.All.Select(i => i.ToApiName())) + ".");
}
