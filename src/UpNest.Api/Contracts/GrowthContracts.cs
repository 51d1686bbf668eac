namespace UpNest.Api.Contracts;

/// <summary>The stateless calculator's input (DESIGN.md "z-score calculator").</summary>
public sealed record ZScoreRequest(
    string? Sex, DateOnly? BirthDate, DateOnly? MeasuredOn, int? AgeDays, double? AgeMonths,
    double? WeightKg, double? LengthCm, double? HeightCm, double? LengthHeightCm,
    double? HeadCircumferenceCm, double? ArmCircumferenceCm, double? TricepsSkinfoldMm, double? SubscapularSkinfoldMm,
    bool? Oedema, int? GestationalAgeWeeks, int? GestationalAgeDays);

public sealed record ZScoreResultSet(
    int? AgeDays, int? CorrectedAgeDays, string AgeUsed, IReadOnlyList<ZScoreResponse> Results,
    IReadOnlyDictionary<string, string[]>? Errors = null);

public sealed record GrowthPointResponse(DateOnly MeasuredOn, int AgeDays, int? CorrectedAgeDays, string AgeUsed, double X, double Value,
    double? ZScore, double? Percentile, string? Flag);

public sealed record LatestIndicatorResponse(string Indicator, DateOnly MeasuredOn, double Value, double? ZScore, double? Percentile, string? Flag);

public sealed record ClassificationResponse(string Kind, string Indicator, double ZScore, DateOnly MeasuredOn, string Rule);

public sealed record TrendResponse(string Indicator, DateOnly From, DateOnly To, double FromZ, double ToZ, double ChangeZ, int MajorLinesCrossed);

public sealed record VelocityResponse(DateOnly From, DateOnly To, int Days, double GramsPerDay, double GramsPerKgPerDay);

/// <param name="Code">Stable rule identifier (docs/CLINICAL-RULES.md); <paramref name="Evidence"/> holds the numbers the rule saw.</param>
public sealed record AlertResponse(string Severity, string Kind, string? Indicator, string? Classification, string Message,
    string Code, string Rule, string Source, IReadOnlyList<AlertEvidenceResponse> Evidence);

public sealed record AlertEvidenceResponse(string Name, double Value, string Unit);

/// <summary>An indicator on the nine-line chart: the space it is in (0 below the 0.4th … 9 above the 99.6th)
/// and signed spaces moved since the first value and since the highest space reached.</summary>
public sealed record CentileSpaceResponse(string Indicator, DateOnly MeasuredOn, double ZScore, int Space, string Label,
    DateOnly SinceBirthFrom, int SpacesSinceBirth, DateOnly HighestOn, int HighestSpace, int SpacesSinceHighest);

public sealed record GrowthSummaryResponse(
    string BabyId, int AgeDays, int? CorrectedAgeDays, string AgeUsed, IReadOnlyList<LatestIndicatorResponse> Latest,
    IReadOnlyList<ClassificationResponse> Classifications, IReadOnlyList<TrendResponse> Trends,
    IReadOnlyList<VelocityResponse> WeightVelocities, IReadOnlyList<AlertResponse> Alerts,
    IReadOnlyList<CentileSpaceResponse> CentileSpaces);

public sealed record CurveResponse(string Label, double ZScore, double? Percentile, IReadOnlyList<double[]> Points);

public sealed record ChartPointResponse(double X, double Value, double? ZScore, double? Percentile, DateOnly? MeasuredOn, string AgeUsed);

public sealed record ChartResponse(
    string Indicator, string Sex, string XAxis, string XUnit, double From, double To, string ValueUnit, bool UsesCorrectedAge,
    IReadOnlyList<CurveResponse> Centiles, IReadOnlyList<CurveResponse> ZScoreLines, IReadOnlyList<ChartPointResponse> Points);
