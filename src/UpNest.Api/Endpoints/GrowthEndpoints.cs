using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using UpNest.Api.Auth;
using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Api.Growth;
using UpNest.Api.Http;
using UpNest.Core.Common;
using UpNest.Core.GrowthTracking;
using UpNest.Growth;
using UpNest.Growth.Charts;

namespace UpNest.Api.Endpoints;

public static class GrowthEndpoints
{
    public const int MaxBatch = 10_000;

    public static IEndpointRouteBuilder MapGrowthEndpoints(this IEndpointRouteBuilder app)
    {
        var calculator = app.MapGroup("/v1/growth").WithTags("Growth calculator").RequireAuthorization();

        calculator.MapPost("/zscores", Ok<ZScoreResultSet> (ZScoreRequest body) => TypedResults.Ok(ZScoreRequests.Calculate(body)));

        calculator.MapPost("/zscores/batch", Ok<ZScoreResultSet[]> (ZScoreRequest?[] body, HttpResponse response) =>
        {
            if (body.Length > MaxBatch)
            {
                throw new ValidationException("body", $"A batch holds at most {MaxBatch} items.");
            }
            var started = Stopwatch.GetTimestamp();
            var results = new ZScoreResultSet[body.Length];
            for (var i = 0; i < body.Length; i++)
            {
                results[i] = ZScoreRequests.CalculateItem(body[i]);
            }
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.Headers["Server-Timing"] = "calc;dur=" + ms.ToString("0.0", CultureInfo.InvariantCulture);
            return TypedResults.Ok(results);
        }).WithMetadata(new BodyLimit(16 * 1024 * 1024));

        var baby = app.MapGroup("/v1/babies/{babyId}/growth").WithTags("Growth").RequireAuthorization();

        baby.MapGet("/summary", async Task<Ok<GrowthSummaryResponse>> (BabyScope scope, CurrentUser me, GrowthService growth, TimeProvider clock, CancellationToken ct) =>
        {
            var assessment = await growth.AssessAsync(scope.Access, ct);
            var today = UserClock.Today(clock, me.User.TimeZone);
            return TypedResults.Ok(GrowthResponses.Summary(scope.Baby, assessment, today));
        });

        baby.MapGet("/chart", async Task<Ok<ChartResponse>> (
            BabyScope scope, string? indicator, double? from, double? to, GrowthService growth, CancellationToken ct) =>
        {
            var chart = await growth.ChartAsync(scope.Access, ParseIndicator(indicator), from, to, ct);
            return TypedResults.Ok(GrowthResponses.Chart(chart));
        });

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
        });

        return app;
    }

    private static Indicator ParseIndicator(string? name) =>
        IndicatorNames.TryParse(name ?? "weight-for-age", out var indicator)
            ? indicator
            : throw new ValidationException("indicator", "Must be one of: " + string.Join(", ", IndicatorNames.All.Select(i => i.ToApiName())) + ".");
}
