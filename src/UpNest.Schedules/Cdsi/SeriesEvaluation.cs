namespace UpNest.Schedules.Cdsi;

internal enum TargetStatus { NotSatisfied, Satisfied, Skipped }

internal sealed class TargetDose(TargetDoseDefinition definition)
{
    public TargetDoseDefinition Definition { get; } = definition;

    public TargetStatus Status { get; set; }

    public AntigenDose? SatisfiedBy { get; set; }
}

/// <summary>
/// One patient series evaluated dose by dose (CDSi chapter "Evaluate Vaccine Dose Administered"):
/// each dose is held against the current target dose; a valid dose satisfies it, a dose that is
/// not valid leaves it open for the next dose, and doses after the last target dose are extraneous.
/// </summary>
internal sealed class SeriesEvaluation
{
    private readonly CdsiPatient patient;
    private readonly IReadOnlyList<AntigenDose> doses;
    private readonly IReadOnlyList<CdsiAdministeredDose> allDoses;
    private readonly Func<string, bool> seriesGroupComplete;
    private readonly HashSet<string> validIds = new(StringComparer.Ordinal);

    public SeriesEvaluation(SeriesDefinition series, CdsiPatient patient, IReadOnlyList<AntigenDose> doses,
        IReadOnlyList<CdsiAdministeredDose> allDoses, Func<string, bool> seriesGroupComplete)
    {
        Series = series;
        this.patient = patient;
        this.doses = doses;
        this.allDoses = allDoses;
        this.seriesGroupComplete = seriesGroupComplete;
        Targets = series.Doses.Select(d => new TargetDose(d)).ToList();
        Evaluate();
    }

    public SeriesDefinition Series { get; }

    public List<TargetDose> Targets { get; }

    public List<CdsiDoseEvaluation> Evaluations { get; } = [];

    public int ValidCount => validIds.Count;

    public IReadOnlySet<string> ValidDoseIds => validIds;

    /// <summary>Every target dose satisfied or skipped during evaluation.</summary>
    public bool IsComplete => Targets.All(t => t.Status != TargetStatus.NotSatisfied);

    public DateOnly? FirstValidDate => Targets.FirstOrDefault(t => t.SatisfiedBy is not null)?.SatisfiedBy?.Date;

    public DateOnly? CompletionDate => IsComplete ? Targets.LastOrDefault(t => t.SatisfiedBy is not null)?.SatisfiedBy?.Date : null;

    /// <summary>True when every valid dose was a preferable vaccine (what a product series needs).</summary>
    public bool AllValidDosesPreferable { get; private set; } = true;

    private DateOnly DateOfBirth => patient.DateOfBirth;

    private void Evaluate()
    {
        var index = 0;
        AntigenDose? previous = null;
        var previousFailedAgeOrInterval = false;
        for (var i = 0; i < doses.Count; i++)
        {
            var dose = doses[i];
            index = SkipFrom(index, SkipContext.Evaluation, dose.Date, i);
            if (index >= Targets.Count)
            {
                Record(dose, CdsiDoseStatus.Extraneous, CdsiDoseReason.SeriesComplete, null);
                continue;
            }

            var target = Targets[index];
            var definition = target.Definition;
            if (definition.Inadvertent.Contains(dose.Cvx))
            {
                Record(dose, CdsiDoseStatus.NotValid, CdsiDoseReason.Inadvertent, definition.Number);
                continue;
            }

            var age = EvaluateAge(definition, dose.Date, index == 0, previousFailedAgeOrInterval);
            var interval = EvaluateIntervals(definition, dose, previous, previousFailedAgeOrInterval);
            var preferable = definition.Preferable.Any(v => v.Cvx == dose.Cvx && v.CoversAge(DateOfBirth, dose.Date));
            var allowable = preferable || definition.Allowable.Any(v => v.Cvx == dose.Cvx && v.CoversAge(DateOfBirth, dose.Date));

            var reason = age is not (CdsiDoseReason.None or CdsiDoseReason.GracePeriod) ? age
                : interval is not (CdsiDoseReason.None or CdsiDoseReason.GracePeriod) ? interval
                : dose.InLiveVirusConflict ? CdsiDoseReason.LiveVirusConflict
                : !allowable ? CdsiDoseReason.NotPreferableOrAllowable
                : age == CdsiDoseReason.GracePeriod || interval == CdsiDoseReason.GracePeriod ? CdsiDoseReason.GracePeriod
                : CdsiDoseReason.None;

            previous = dose;
            previousFailedAgeOrInterval = reason is CdsiDoseReason.TooYoung or CdsiDoseReason.TooSoon;
            if (reason == CdsiDoseReason.TooOld)
            {
                // CDSi: a dose past the maximum age does not count but need not be repeated.
                Record(dose, CdsiDoseStatus.Extraneous, reason, definition.Number);
                continue;
            }

            if (reason is not (CdsiDoseReason.None or CdsiDoseReason.GracePeriod))
            {
                Record(dose, CdsiDoseStatus.NotValid, reason, definition.Number);
                continue;
            }

            target.Status = TargetStatus.Satisfied;
            target.SatisfiedBy = dose;
            validIds.Add(dose.Id);
            AllValidDosesPreferable &= preferable;
            Record(dose, CdsiDoseStatus.Valid, reason, definition.Number);
            index++;
            if (definition.Recurring && index == Targets.Count)
            {
                Targets.Add(new TargetDose(definition));
            }
        }
    }

    /// <summary>Skips target doses from <paramref name="index"/> while a conditional skip says so.</summary>
    internal int SkipFrom(int index, SkipContext context, DateOnly referenceDate, int priorDoseCount)
    {
        while (index < Targets.Count && Targets[index].Status == TargetStatus.NotSatisfied)
        {
            var facts = new SkipFacts(DateOfBirth, referenceDate, doses.Take(priorDoseCount).ToList(), validIds, seriesGroupComplete);
            if (!ConditionalSkips.Skips(Targets[index].Definition, context, facts))
            {
                break;
            }

            Targets[index].Status = TargetStatus.Skipped;
            index++;
        }

        return index;
    }

    private CdsiDoseReason EvaluateAge(TargetDoseDefinition definition, DateOnly date, bool firstTarget, bool previousFailed)
    {
        var rule = definition.AgeOn(date);
        if (rule is null)
        {
            return CdsiDoseReason.None;
        }

        var minimum = (rule.Minimum ?? rule.AbsoluteMinimum)?.After(DateOfBirth) ?? DateOfBirth;
        var absolute = rule.AbsoluteMinimum?.After(DateOfBirth) ?? minimum;
        if (date < absolute)
        {
            return CdsiDoseReason.TooYoung;
        }

        if (date < minimum)
        {
            return firstTarget || !previousFailed ? CdsiDoseReason.GracePeriod : CdsiDoseReason.TooYoung;
        }

        return rule.Maximum is not null && date >= rule.Maximum.After(DateOfBirth) ? CdsiDoseReason.TooOld : CdsiDoseReason.None;
    }

    private CdsiDoseReason EvaluateIntervals(TargetDoseDefinition definition, AntigenDose dose, AntigenDose? previous, bool previousFailed)
    {
        var result = CdsiDoseReason.None;
        foreach (var rule in definition.Intervals.Where(r => r.Validity.Covers(dose.Date)))
        {
            var reference = ReferenceDate(rule.FromPrevious, rule.FromTargetDose, rule.FromMostRecent, rule.FromObservation, previous, dose.Date);
            if (reference is null || (rule.AbsoluteMinimum ?? rule.Minimum) is not { } absoluteInterval)
            {
                continue;
            }

            var absolute = absoluteInterval.After(reference.Value);
            var minimum = (rule.Minimum ?? absoluteInterval).After(reference.Value);
            if (dose.Date < absolute || (dose.Date < minimum && previousFailed))
            {
                result = CdsiDoseReason.TooSoon;
                break;
            }

            if (dose.Date < minimum)
            {
                result = CdsiDoseReason.GracePeriod;
            }
        }

        if (result != CdsiDoseReason.TooSoon)
        {
            return result;
        }

        // CDSi "Evaluate Allowable Interval": a dose too soon by the preferable interval still counts
        // when it meets every allowable (absolute minimum) interval that applies.
        var allowable = definition.AllowableIntervals
            .Where(r => r.Validity.Covers(dose.Date))
            .Select(r => (Rule: r, Reference: ReferenceDate(r.FromPrevious, r.FromTargetDose, EmptyCvx, "", previous, dose.Date)))
            .Where(x => x.Reference is not null)
            .ToList();
        return allowable.Count > 0 && allowable.All(x => dose.Date >= x.Rule.AbsoluteMinimum.After(x.Reference!.Value))
            ? CdsiDoseReason.None
            : CdsiDoseReason.TooSoon;
    }

    private static readonly HashSet<string> EmptyCvx = [];

    /// <summary>
    /// The date an interval counts from: the previous dose evaluated in this series (valid or not,
    /// never an inadvertent one), the dose that satisfied a given target dose, or the most recent
    /// dose of given vaccine types. Intervals from observations do not apply: UpNest records none.
    /// </summary>
    internal DateOnly? ReferenceDate(bool fromPrevious, int? fromTargetDose, IReadOnlySet<string> fromMostRecent,
        string fromObservation, AntigenDose? previous, DateOnly before)
    {
        if (fromPrevious)
        {
            return previous?.Date;
        }

        if (fromTargetDose is { } number)
        {
            return number - 1 < Targets.Count ? Targets[number - 1].SatisfiedBy?.Date : null;
        }

        if (fromMostRecent.Count > 0)
        {
            var recent = allDoses.Where(d => d.DateAdministered < before && fromMostRecent.Contains(d.Cvx)).Select(d => (DateOnly?)d.DateAdministered).Max();
            return recent;
        }

        return fromObservation.Length > 0 ? null : previous?.Date;
    }

    /// <summary>The last dose evaluated (valid or not valid) and not inadvertent: what "previous dose" means in a forecast.</summary>
    internal AntigenDose? LastEvaluatedDose()
    {
        var last = Evaluations.LastOrDefault(e => e.Status != CdsiDoseStatus.Extraneous && e.Reason != CdsiDoseReason.Inadvertent);
        return last is null ? null : doses.First(d => d.Id == last.DoseId);
    }

    internal IReadOnlyList<AntigenDose> Doses => doses;

    internal CdsiPatient Patient => patient;

    private void Record(AntigenDose dose, CdsiDoseStatus status, CdsiDoseReason reason, int? target) =>
        Evaluations.Add(new CdsiDoseEvaluation(dose.Id, dose.Cvx, dose.Date, Series.Antigen, status, reason, target));
}
