using System.Globalization;

namespace UpNest.Schedules.Milestones;

/// <summary>
/// The baby's milestone list on a day: every CDC checklist up to the age used plus the
/// next one, the six WHO motor milestones, anything already recorded as achieved, and the
/// parent's custom milestones.
/// </summary>
public static class MilestoneEvaluator
{
    public static MilestoneReport Evaluate(
        DateOnly birthDate,
        int? gestationalAgeWeeks,
        int? gestationalAgeDays,
        DateOnly today,
        IReadOnlyCollection<MilestoneRecord> achieved,
        IReadOnlyCollection<CustomMilestone>? custom = null)
    {
        var age = BabyAge.On(birthDate, gestationalAgeWeeks, gestationalAgeDays, today);
        var months = age.MonthsUsed;
        var bands = Bands(months);
        var records = achieved.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

        // A milestone recorded from a later checklist is the parent's data and is shown too.
        var shown = MilestoneCatalog.Cdc
            .Where(m => bands.Contains(m.BandMonths!.Value) || records.GetValueOrDefault(m.Key)?.AchievedOn is not null)
            .Concat(MilestoneCatalog.Who);

        var views = new List<MilestoneView>();
        foreach (var m in shown)
        {
            var record = records.GetValueOrDefault(m.Key);
            views.Add(View(m, record?.AchievedOn, record?.Note, months, AgeAt(record?.AchievedOn), age.UsesCorrectedAge));
        }

        foreach (var c in custom ?? [])
        {
            var definition = new MilestoneDefinition(c.Key, c.Title, c.Domain, MilestoneSource.Custom, c.ExpectedAgeMonths,
                null, null, null, null);
            views.Add(View(definition, c.AchievedOn, c.Note, months, AgeAt(c.AchievedOn), age.UsesCorrectedAge));
        }

        return new MilestoneReport(
            ChronologicalAgeDays: age.ChronologicalDays,
            CorrectedAgeDays: age.CorrectedDays,
            ChronologicalAgeMonths: Round(BabyAge.ToMonths(age.ChronologicalDays)),
            CorrectedAgeMonths: age.CorrectedDays is { } corrected ? Round(BabyAge.ToMonths(corrected)) : null,
            UsesCorrectedAge: age.UsesCorrectedAge,
            AgeMonths: Round(months),
            Bands: bands,
            Milestones: views);

        // An achievement date before birth is bad input from the caller; it gets no age.
        decimal? AgeAt(DateOnly? day) => day is { } d && d >= birthDate
            ? BabyAge.On(birthDate, gestationalAgeWeeks, gestationalAgeDays, d).MonthsUsed
            : null;
    }

    /// <summary>Checklist ages up to <paramref name="months"/>, plus the next one.</summary>
    public static IReadOnlyList<int> Bands(decimal months)
    {
        var all = MilestoneCatalog.CdcBands;
        var reached = all.Where(b => months >= b).ToList();
        var next = all.FirstOrDefault(b => months < b);
        if (next != 0)
        {
            reached.Add(next);
        }

        return reached;
    }

    private static MilestoneView View(MilestoneDefinition m, DateOnly? achievedOn, string? note, decimal months,
        decimal? achievedMonths, bool corrected)
    {
        var status = achievedOn is not null ? MilestoneStatus.Achieved
            : m.ExpectedAgeMonths is { } expected && months >= expected ? MilestoneStatus.Expected
            : MilestoneStatus.Upcoming;

        // CDC: from the checklist age on; WHO: only once past the 99th percentile.
        var mention = achievedOn is null && m.CheckUpAfterMonths is { } after
            && (m.Source == MilestoneSource.Who ? months > after : months >= after);

        bool? withinWindow = m.Source == MilestoneSource.Who && achievedMonths is { } at
            ? at >= m.WindowStartMonths && at <= m.WindowEndMonths
            : null;

        return new MilestoneView(m.Key, m.Title, m.Domain, m.Source, m.ExpectedAgeMonths, m.WindowStartMonths,
            m.WindowEndMonths, status, achievedOn, note, mention, mention ? CheckUpMessage(m, corrected) : null,
            achievedMonths is { } a ? Round(a) : null, withinWindow);
    }

    private static string CheckUpMessage(MilestoneDefinition m, bool corrected)
    {
        var ageNote = corrected ? " (we use your baby's corrected age because they were born early)" : "";
        return m.Source == MilestoneSource.Who
            ? string.Create(CultureInfo.InvariantCulture, $"Almost all children (99 in 100) do this by about {m.CheckUpAfterMonths:0.#} months{ageNote}. ") +
              "Children develop at their own pace, but it is worth mentioning at your next check-up."
            : $"Most children do this by {BandLabel(m.BandMonths!.Value)}{ageNote}. " +
              "Children develop at their own pace, but it is worth mentioning at your next check-up.";
    }

    private static string BandLabel(int months) => months switch
    {
        12 => "1 year",
        24 or 36 or 48 or 60 => $"{months / 12} years",
        _ => $"{months} months",
    };

    private static decimal Round(decimal months) => Math.Round(months, 2, MidpointRounding.AwayFromZero);
}
