using UpNest.Api.Contracts;
using UpNest.Core.Babies;
using UpNest.Core.Measurements;

namespace UpNest.Api.Babies;

/// <summary>Computes a measurement's derived figures (ages, z-scores) on read.</summary>
public sealed class MeasurementScorer
{
    public GrowthScores Score(Baby baby, Measurement m)
    {
        var ageDays = m.MeasuredOn.DayNumber - baby.DateOfBirth.DayNumber;
        return new GrowthScores(ageDays, null, []);
    }
}
