namespace UpNest.Schedules.Cdsi;

/// <summary>A dated rule applies from its effective date to its cessation date, both inclusive; empty means unbounded.</summary>
internal readonly record struct Validity(DateOnly? Effective, DateOnly? Cessation)
{
    public bool Covers(DateOnly day) => (Effective is null || Effective <= day) && (Cessation is null || day <= Cessation);
}

internal sealed record AgeRule(
    CdsiDuration? AbsoluteMinimum, CdsiDuration? Minimum, CdsiDuration? EarliestRecommended,
    CdsiDuration? LatestRecommended, CdsiDuration? Maximum, Validity Validity);

internal sealed record IntervalRule(
    bool FromPrevious, int? FromTargetDose, IReadOnlySet<string> FromMostRecent, string FromObservation,
    CdsiDuration? AbsoluteMinimum, CdsiDuration? Minimum, CdsiDuration? EarliestRecommended,
    CdsiDuration? LatestRecommended, Validity Validity);

internal sealed record AllowableIntervalRule(bool FromPrevious, int? FromTargetDose, CdsiDuration AbsoluteMinimum, Validity Validity);

internal sealed record VaccineRule(string Cvx, CdsiDuration? BeginAge, CdsiDuration? EndAge, bool ForecastType = false)
{
    public bool CoversAge(DateOnly dateOfBirth, DateOnly day) =>
        (BeginAge is null || BeginAge.After(dateOfBirth) <= day) && (EndAge is null || day < EndAge.After(dateOfBirth));
}

internal enum SkipContext { Evaluation, Forecast, Both }

internal enum SkipConditionType { Age, Interval, VaccineCountByAge, VaccineCountByDate, VaccineCountByDateAndAge, CompletedSeries }

internal enum CountLogic { GreaterThan, EqualTo, LessThan }

internal sealed record SkipCondition(
    SkipConditionType Type, DateOnly? StartDate, DateOnly? EndDate, CdsiDuration? BeginAge, CdsiDuration? EndAge,
    CdsiDuration? Interval, int DoseCount, bool CountValidOnly, CountLogic Logic, IReadOnlySet<string> VaccineTypes,
    IReadOnlyList<string> SeriesGroups);

internal sealed record SkipSet(string Id, bool AnyCondition, Validity Validity, IReadOnlyList<SkipCondition> Conditions);

internal sealed record ConditionalSkip(SkipContext Context, bool AllSets, IReadOnlyList<SkipSet> Sets)
{
    public bool AppliesTo(SkipContext context) => Context == SkipContext.Both || Context == context;
}

internal sealed record TargetDoseDefinition(
    int Number, bool Recurring, DateOnly? SeasonStart, DateOnly? SeasonEnd,
    IReadOnlyList<AgeRule> Ages, IReadOnlyList<IntervalRule> Intervals, IReadOnlyList<AllowableIntervalRule> AllowableIntervals,
    IReadOnlyList<VaccineRule> Preferable, IReadOnlyList<VaccineRule> Allowable, IReadOnlySet<string> Inadvertent,
    IReadOnlyList<ConditionalSkip> Skips)
{
    /// <summary>The age rule in force on a day; CDSi dates its rules when ACIP changes them.</summary>
    public AgeRule? AgeOn(DateOnly day) => Ages.FirstOrDefault(a => a.Validity.Covers(day)) ?? (Ages.Count > 0 ? Ages[0] : null);
}

internal sealed record SeriesDefinition(
    string Name, string Antigen, bool EvaluationOnly, string VaccineGroup, IReadOnlyList<string> Genders,
    bool IsDefault, bool ProductPath, string SeriesGroup, string Priority, int Preference,
    CdsiDuration? MinAgeToStart, CdsiDuration? MaxAgeToStart, IReadOnlyList<TargetDoseDefinition> Doses);

internal sealed record AntigenDefinition(string Name, IReadOnlyList<(DateOnly BornBefore, string Country)> ImmunityByBirth, IReadOnlyList<SeriesDefinition> Series);

internal sealed record LiveVirusConflict(string PreviousCvx, string CurrentCvx, CdsiDuration Begin, CdsiDuration MinimumEnd, CdsiDuration End);

internal sealed record VaccineGroupDefinition(string Name, bool AdministerFullGroup, IReadOnlyList<string> Antigens);

internal sealed record CvxAntigen(string Antigen, CdsiDuration? BeginAge, CdsiDuration? EndAge);

internal sealed record CvxDefinition(string Code, string Description, IReadOnlyList<CvxAntigen> Antigens);
