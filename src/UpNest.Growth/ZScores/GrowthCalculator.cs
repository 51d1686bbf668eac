using UpNest.Growth.ZScores;

namespace UpNest.Growth;

/// <summary>
/// WHO z-scores for one measurement, following the igrowup (2006) and who2007 (2007) macros:
/// see docs/WHO-METHOD.md for every rule and where WHO's current R packages differ.
/// </summary>
public static class GrowthCalculator
{
    private const string Oedema = "not computed: oedema";
    private const string OutsideAges = "not computed: outside the ages of the WHO references";
    private const string OutsideLength = "not computed: length outside the table (45–110 cm)";
    private const string OutsideHeight = "not computed: height outside the table (65–120 cm)";
    private const string BeforeTerm = "not computed: corrected age is before term (40 weeks)";

    /// <summary>
    /// Zero-allocation primitive for age-based indicators: the unrounded z-score at a whole age in
    /// days (2006 up to 1856 days, else 2007 at days / 30.4375 months), or NaN when the WHO computes
    /// none. Length/height is taken as already adjusted; weight-for-length/height return NaN here.
    /// </summary>
    public static double ZScoreOrNaN(Indicator indicator, Sex sex, int ageDays, double value) =>
        ageDays <= WhoRules.LastDay2006
            ? WhoZScores.ByDay(indicator, sex, ageDays, value)
            : WhoZScores.ByMonth(indicator, sex, ageDays / WhoRules.DaysPerMonth, value);

    /// <summary>Zero-allocation primitive for weight-for-length (45–110 cm) and weight-for-height (65–120 cm).</summary>
    public static double ZScoreForLengthOrNaN(Indicator indicator, Sex sex, double lengthCm, double weightKg) =>
        indicator is Indicator.WeightForLength or Indicator.WeightForHeight
            ? WhoZScores.ByLength(indicator, sex, lengthCm, weightKg)
            : double.NaN;

    /// <summary>The 2007 reference at an exact age in months (61 to under 229; weight under 121).</summary>
    public static double ZScoreForMonthsOrNaN(Indicator indicator, Sex sex, double ageMonths, double value) =>
        WhoZScores.ByMonth(indicator, sex, ageMonths, value);

    /// <summary>All indicators the input allows, rounded and flagged as the WHO reports them.</summary>
    public static GrowthResult Calculate(in GrowthInput input)
    {
        var outcomes = new IndicatorOutcome[IndicatorOutcome.Slots];
        var ages = Score(input, outcomes);
        var results = new List<ZScoreResult>(9);
        // Enum order is the order the WHO output lists the indicators in.
        for (var i = 1; i < IndicatorOutcome.Slots; i++)
        {
            ref readonly var o = ref outcomes[i];
            if (o.Present) results.Add(ToResult((Indicator)i, o.Reference, o.Z, o.Reason));
        }
        return new GrowthResult(ages.Chronological, ages.Corrected, ages.Corrected is null ? AgeBasis.Chronological : AgeBasis.Corrected, results);
    }

    /// <summary>
    /// The allocation-free core of <see cref="Calculate"/>: fills <paramref name="outcomes"/> (indexed by
    /// <see cref="Indicator"/>, cleared first) with every indicator the input allows and returns the ages used.
    /// </summary>
    internal static (int? Chronological, int? Corrected, int? Used, double? AdjustedLengthHeight) Score(in GrowthInput input, Span<IndicatorOutcome> outcomes)
    {
        outcomes.Clear();
        var chronological = input.AgeDays ?? (input.AgeMonths is { } m ? GrowthAge.FromMonths(m) : null);
        var prematurity = chronological is { } c
            ? GrowthAge.PrematurityDays(c, input.GestationalAgeWeeks, input.GestationalAgeDays)
            : null;
        int? corrected = prematurity is { } p ? chronological - p : null;
        var age = corrected ?? chronological;
        // An exact recorded age in months only describes the chronological age.
        double? months = corrected is null && input.AgeMonths is { } exact ? exact : age / WhoRules.DaysPerMonth;

        var scope = new Scope(input, age, months, corrected is not null, outcomes);
        var clenhei = AdjustedLengthHeight(input.LengthHeightCm, input.Position, age);

        if (input.WeightKg is { } w) scope.AgeBased(Indicator.WeightForAge, w, w, weightBased: true);
        if (input.LengthHeightCm is { } h) scope.AgeBased(Indicator.LengthHeightForAge, clenhei!.Value, h, weightBased: false);
        if (input is { WeightKg: { } wt, LengthHeightCm: { } ht })
        {
            scope.WeightForLengthOrHeight(wt, clenhei!.Value);
            scope.AgeBased(Indicator.BmiForAge, Bmi(wt, clenhei.Value), Bmi(wt, ht), weightBased: true);
        }
        if (input.HeadCircumferenceCm is { } hc) scope.AgeBased(Indicator.HeadCircumferenceForAge, hc, double.NaN, false);
        if (input.ArmCircumferenceCm is { } ac) scope.AgeBased(Indicator.ArmCircumferenceForAge, ac, double.NaN, false);
        if (input.TricepsSkinfoldMm is { } ts) scope.AgeBased(Indicator.TricepsSkinfoldForAge, ts, double.NaN, false);
        if (input.SubscapularSkinfoldMm is { } ss) scope.AgeBased(Indicator.SubscapularSkinfoldForAge, ss, double.NaN, false);
        return (chronological, corrected, age, clenhei);
    }

    /// <summary>
    /// igrowup's ±0.7 cm rule: standing height before 731 days gets +0.7 (the WHO standards are
    /// length there), recumbent length from 731 days gets −0.7; nothing when age or position is unknown.
    /// </summary>
    public static double? AdjustedLengthHeight(double? measuredCm, MeasurementPosition position, int? ageDays)
    {
        if (measuredCm is not { } cm || ageDays is not { } age) return measuredCm;
        if (age < WhoRules.FirstHeightDay && position == MeasurementPosition.Standing) return cm + WhoRules.PositionAdjustmentCm;
        if (age >= WhoRules.FirstHeightDay && position == MeasurementPosition.Recumbent) return cm - WhoRules.PositionAdjustmentCm;
        return cm;
    }

    /// <summary>BMI as the macros compute it: weight / (cm / 100)².</summary>
    public static double Bmi(double weightKg, double lengthHeightCm) =>
        weightKg / (lengthHeightCm / 100 * (lengthHeightCm / 100));

    /// <summary>Builds a result from an unrounded z-score (NaN: not computed, with <paramref name="reason"/>).</summary>
    public static ZScoreResult ToResult(Indicator indicator, GrowthReference reference, double z, string? reason = null)
    {
        if (double.IsNaN(z)) return new ZScoreResult(indicator, reference, null, null, reason);
        var rounded = WhoRounding.Round2(z);
        var percentile = WhoRounding.Round(100 * NormalDistribution.Cdf(z), 1);
        return new ZScoreResult(indicator, reference, rounded, percentile, WhoRules.Flag(indicator, rounded));
    }

    private readonly ref struct Scope(GrowthInput input, int? age, double? months, bool corrected, Span<IndicatorOutcome> outcomes)
    {
        private readonly Span<IndicatorOutcome> _outcomes = outcomes;

        /// <param name="value2006">Value for the 2006 standards (length/height adjusted).</param>
        /// <param name="value2007">Value for the 2007 reference (height as measured: who2007 has no conversion).</param>
        public void AgeBased(Indicator indicator, double value2006, double value2007, bool weightBased)
        {
            if (age is not { } days) return;
            var reference = days <= WhoRules.LastDay2006 ? GrowthReference.Who2006 : GrowthReference.Who2007;
            ref var o = ref _outcomes[(int)indicator];
            if (days < 0) o = new(reference, double.NaN, corrected ? BeforeTerm : OutsideAges);
            else if (weightBased && input.Oedema) o = new(reference, double.NaN, Oedema);
            else if (reference == GrowthReference.Who2006)
            {
                var z = WhoZScores.ByDay(indicator, input.Sex, days, value2006);
                o = new(reference, z, WhoZScores.Covers2006(indicator, days) ? null : OutsideAges);
            }
            else o = new(reference, WhoZScores.ByMonth(indicator, input.Sex, months!.Value, value2007), OutsideAges);
        }

        public void WeightForLengthOrHeight(double weightKg, double clenhei)
        {
            var indicator = ChooseWeightForLengthOrHeight(age, input.Position, clenhei);
            if (indicator is not { } chosen) return;
            ref var o = ref _outcomes[(int)chosen];
            if (input.Oedema) { o = new(GrowthReference.Who2006, double.NaN, Oedema); return; }
            var z = WhoZScores.ByLength(chosen, input.Sex, clenhei, weightKg);
            o = new(GrowthReference.Who2006, z, chosen == Indicator.WeightForLength ? OutsideLength : OutsideHeight);
        }
    }

    /// <summary>
    /// igrowup's choice of table: by age (under 731 days: length) when age is known and within the
    /// 2006 standards; otherwise by position, otherwise by length (under 87 cm: length).
    /// Null when the child is older than the 2006 standards (BMI-for-age applies instead).
    /// </summary>
    public static Indicator? ChooseWeightForLengthOrHeight(int? ageDays, MeasurementPosition position, double clenhei)
    {
        if (ageDays is { } age)
        {
            if (age < 0 || age > WhoRules.LastDay2006) return null;
            return age < WhoRules.FirstHeightDay ? Indicator.WeightForLength : Indicator.WeightForHeight;
        }
        return position switch
        {
            MeasurementPosition.Recumbent => Indicator.WeightForLength,
            MeasurementPosition.Standing => Indicator.WeightForHeight,
            _ => clenhei < WhoRules.WeightForLengthBelowCm ? Indicator.WeightForLength : Indicator.WeightForHeight,
        };
    }
}

/// <summary>One indicator of one row in <see cref="GrowthCalculator.Score"/>: present when the WHO reports it
/// (a z-score, or blank with <see cref="Reason"/> when <see cref="Z"/> is NaN).</summary>
internal readonly struct IndicatorOutcome(GrowthReference reference, double z, string? reason)
{
    /// <summary>Slots by <see cref="Indicator"/> value (1–9; 0 unused).</summary>
    public const int Slots = 10;

    public bool Present { get; } = true;
    public GrowthReference Reference { get; } = reference;
    public double Z { get; } = z;
    public string? Reason { get; } = reason;
}
