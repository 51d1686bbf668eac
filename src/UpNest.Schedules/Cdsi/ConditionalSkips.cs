namespace UpNest.Schedules.Cdsi;

/// <summary>
/// What a conditional skip may look at: the doses before the reference date (in evaluation, the
/// doses before the one being evaluated; in forecasting, every dose up to the assessment date),
/// which of them the series counted as valid, and which series groups are already complete.
/// </summary>
internal sealed record SkipFacts(
    DateOnly DateOfBirth, DateOnly ReferenceDate, IReadOnlyList<AntigenDose> PriorDoses,
    IReadOnlySet<string> ValidDoseIds, Func<string, bool> SeriesGroupComplete);

/// <summary>CDSi "Evaluate Conditional Skip": sets of conditions, combined by the set and condition logic.</summary>
internal static class ConditionalSkips
{
    public static bool Skips(TargetDoseDefinition target, SkipContext context, SkipFacts facts)
    {
        foreach (var skip in target.Skips.Where(s => s.AppliesTo(context)))
        {
            var sets = skip.Sets.Where(s => s.Validity.Covers(facts.ReferenceDate)).ToList();
            if (sets.Count == 0)
            {
                continue;
            }

            var met = skip.AllSets ? sets.All(s => SetMet(s, facts)) : sets.Any(s => SetMet(s, facts));
            if (met)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetMet(SkipSet set, SkipFacts facts) =>
        set.AnyCondition ? set.Conditions.Any(c => ConditionMet(c, facts)) : set.Conditions.All(c => ConditionMet(c, facts));

    private static bool ConditionMet(SkipCondition c, SkipFacts facts) => c.Type switch
    {
        SkipConditionType.Age => InAgeWindow(c, facts.DateOfBirth, facts.ReferenceDate),
        SkipConditionType.Interval => facts.PriorDoses.Count > 0 && c.Interval is not null
            && facts.ReferenceDate >= c.Interval.After(facts.PriorDoses[^1].Date),
        SkipConditionType.CompletedSeries => c.SeriesGroups.Any(facts.SeriesGroupComplete),
        _ => Compare(Count(c, facts), c.DoseCount, c.Logic),
    };

    private static int Count(SkipCondition c, SkipFacts facts) => facts.PriorDoses.Count(d =>
        (c.VaccineTypes.Count == 0 || c.VaccineTypes.Contains(d.Cvx))
        && (!c.CountValidOnly || facts.ValidDoseIds.Contains(d.Id))
        && (c.Type == SkipConditionType.VaccineCountByDate || InAgeWindow(c, facts.DateOfBirth, d.Date))
        && (c.Type == SkipConditionType.VaccineCountByAge || InDateWindow(c, d.Date)));

    private static bool InAgeWindow(SkipCondition c, DateOnly dateOfBirth, DateOnly day) =>
        (c.BeginAge is null || c.BeginAge.After(dateOfBirth) <= day) && (c.EndAge is null || day < c.EndAge.After(dateOfBirth));

    private static bool InDateWindow(SkipCondition c, DateOnly day) =>
        (c.StartDate is null || c.StartDate <= day) && (c.EndDate is null || day < c.EndDate);

    private static bool Compare(int count, int threshold, CountLogic logic) => logic switch
    {
        CountLogic.GreaterThan => count > threshold,
        CountLogic.EqualTo => count == threshold,
        _ => count < threshold,
    };
}
