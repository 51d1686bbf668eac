using UpNest.Core.Measurements;

namespace UpNest.Api.Contracts;

public readonly record struct ZScoreResponse(string Indicator, double? ZScore, double? Percentile, string? Flag);

public sealed record MeasurementResponse(
    string Id, string BabyId, DateOnly MeasuredOn, double? WeightKg, double? LengthCm, double? HeightCm,
    double? HeadCircumferenceCm, double? ArmCircumferenceCm, double? TricepsSkinfoldMm, double? SubscapularSkinfoldMm,
    bool Oedema, string? Note, string? Source, int AgeDays, int? CorrectedAgeDays, IReadOnlyList<ZScoreResponse> ZScores,
    long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static MeasurementResponse From(Measurement m, GrowthScores scores) => new(
        m.Id, m.BabyId, m.MeasuredOn, m.WeightKg,
        m.Position == LengthPosition.Standing ? null : m.LengthHeightCm,
        m.Position == LengthPosition.Standing ? m.LengthHeightCm : null,
        m.HeadCircumferenceCm, m.ArmCircumferenceCm, m.TricepsSkinfoldMm, m.SubscapularSkinfoldMm,
        m.Oedema, m.Note, m.Source, scores.AgeDays, scores.CorrectedAgeDays, scores.ZScores, m.Version, m.CreatedAt, m.UpdatedAt);
}

/// <summary>The derived figures shown with a measurement; computed on read, never stored.</summary>
public sealed record GrowthScores(int AgeDays, int? CorrectedAgeDays, IReadOnlyList<ZScoreResponse> ZScores);

/// <summary>POST/PATCH body for a measurement, for the OpenAPI document.</summary>
public sealed record MeasurementRequest(
    DateOnly? MeasuredOn, double? WeightKg, double? WeightLb, double? WeightOz, double? LengthCm, double? HeightCm,
    double? LengthIn, double? HeightIn, double? HeadCircumferenceCm, double? HeadCircumferenceIn, double? ArmCircumferenceCm,
    double? TricepsSkinfoldMm, double? SubscapularSkinfoldMm, bool? Oedema, string? Note, string? Source);
