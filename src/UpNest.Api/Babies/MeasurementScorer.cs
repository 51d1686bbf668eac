using UpNest.Api.Contracts;
using UpNest.Core.Babies;
using UpNest.Core.GrowthTracking;
using UpNest.Core.Measurements;
using UpNest.Growth;

namespace UpNest.Api.Babies;

/// <summary>Computes a measurement's derived figures (ages, WHO z-scores) on read.</summary>
public sealed class MeasurementScorer
{
    public GrowthScores Score(Baby baby, Measurement m)
    {
        var result = baby.Score(m);
        return new GrowthScores(result.AgeDays ?? 0, result.CorrectedAgeDays, ToResponses(result));
    }

    public static IReadOnlyList<ZScoreResponse> ToResponses(GrowthResult result)
    {
        var responses = new ZScoreResponse[result.Results.Count];
        for (var i = 0; i < responses.Length; i++)
        {
            var r = result.Results[i];
            responses[i] = new ZScoreResponse(r.Indicator.ToApiName(), r.ZScore, r.Percentile, r.Flag);
        }
        return responses;
    }
}
