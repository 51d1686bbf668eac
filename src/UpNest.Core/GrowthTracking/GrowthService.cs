using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Growth;
using UpNest.Growth.Assessment;
using UpNest.Growth.Charts;

namespace UpNest.Core.GrowthTracking;

/// <summary>A baby's growth picture: assessment (summary) and charts, from its measurements (QP5).</summary>
public sealed class GrowthService(IMeasurementStore measurements)
{
    /// <summary>Every measurement, oldest first; a baby has at most a few hundred.</summary>
    public async Task<IReadOnlyList<Measurement>> HistoryAsync(BabyAccess access, CancellationToken ct)
    {
        var all = new List<Measurement>();
        string? after = null;
        do
        {
            var page = await measurements.ListAsync(access, null, null, new PageRequest(PageRequest.MaxLimit, after), ct);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }

    public async Task<GrowthAssessment> AssessAsync(BabyAccess access, CancellationToken ct)
    {
        var history = await HistoryAsync(access, ct);
        return GrowthAssessor.Assess(access.Baby.ToProfile(), history.Select(m => m.ToGrowth()));
    }

    /// <summary>
    /// The WHO curves for the baby's sex over the shown range plus its points. Without a range the
    /// chart spans birth to a little past the latest point (at least 24 months; length 45–110 cm).
    /// </summary>
    public async Task<ChartData> ChartAsync(BabyAccess access, Indicator indicator, double? fromMonths, double? toMonths, CancellationToken ct)
    {
        var assessment = await AssessAsync(access, ct);
        var points = GrowthCharts.PointsFrom(assessment.Points, indicator);
        ChartRange range;
        if (indicator is Indicator.WeightForLength)
        {
            range = new ChartRange(45, 110);
        }
        else if (indicator is Indicator.WeightForHeight)
        {
            range = new ChartRange(65, 120);
        }
        else
        {
            var latestMonths = points.Count == 0 ? 0 : points.Max(p => p.X) / 30.4375;
            var defaultTo = latestMonths <= 21 ? 24 : latestMonths <= 57 ? 60 : Math.Min(228, Math.Ceiling((latestMonths + 12) / 12) * 12);
            var from = Math.Max(0, fromMonths ?? (defaultTo > 60 ? 60 : 0));
            var to = Math.Min(228, toMonths ?? defaultTo);
            if (indicator is Indicator.ArmCircumferenceForAge or Indicator.TricepsSkinfoldForAge or Indicator.SubscapularSkinfoldForAge)
            {
                from = Math.Max(from, 3);
                to = Math.Min(to, 60);
            }
            if (indicator is Indicator.HeadCircumferenceForAge)
            {
                to = Math.Min(to, 60);
            }
            if (to <= from)
            {
                throw new ValidationException("to", "The chart range is empty for this indicator.");
            }
            range = ChartRange.Months(from, to);
        }
        try
        {
            return GrowthCharts.Build(indicator, access.Baby.Sex.ToGrowthSex(), range, points);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ValidationException("indicator", "The WHO has no reference for this indicator over this range.");
        }
    }
}
