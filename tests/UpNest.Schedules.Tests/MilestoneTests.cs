using UpNest.Schedules.Milestones;
using UpNest.Schedules.Tests.Support;

namespace UpNest.Schedules.Tests;

public class MilestoneTests
{
    private static readonly DateOnly Birth = new(2025, 1, 1);

    private static MilestoneReport Evaluate(DateOnly today, int? gaWeeks = null, int? gaDays = null,
        MilestoneRecord[]? achieved = null, CustomMilestone[]? custom = null) =>
        MilestoneEvaluator.Evaluate(Birth, gaWeeks, gaDays, today, achieved ?? [], custom);

    [Fact]
    public void The_catalog_holds_every_reference_milestone()
    {
        var cdc = Reference.Csv("cdc-milestones.csv");
        var who = Reference.Csv("who-motor-milestones.csv");

        Assert.Equal(cdc.Select(r => r["milestone_key"]), MilestoneCatalog.Cdc.Select(m => m.Key));
        Assert.Equal(cdc.Select(r => r["label"]), MilestoneCatalog.Cdc.Select(m => m.Title));
        Assert.Equal(cdc.Select(r => r["domain"]), MilestoneCatalog.Cdc.Select(m => m.Domain.ToApi()));
        Assert.Equal(who.Select(r => r["milestone_key"]), MilestoneCatalog.Who.Select(m => m.Key));
        Assert.Equal(who.Select(r => decimal.Parse(r["p99_months"], System.Globalization.CultureInfo.InvariantCulture)),
            MilestoneCatalog.Who.Select(m => m.WindowEndMonths!.Value));
        Assert.Equal([2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60], MilestoneCatalog.CdcBands);
    }

    [Fact]
    public void A_term_baby_sees_the_bands_up_to_its_age_plus_the_next()
    {
        // 195 days = 6.41 months.
        var report = Evaluate(new DateOnly(2025, 7, 15));

        Assert.False(report.UsesCorrectedAge);
        Assert.Equal(6.41m, report.AgeMonths);
        Assert.Equal([2, 4, 6, 9], report.Bands);
        var cdc = report.Milestones.Where(m => m.Source == MilestoneSource.Cdc).ToList();
        Assert.Equal(11 + 13 + 12 + 13, cdc.Count);
        Assert.Equal(6, report.Milestones.Count(m => m.Source == MilestoneSource.Who));
    }

    [Theory]
    [InlineData(60, new[] { 2 })]
    [InlineData(61, new[] { 2, 4 })]
    [InlineData(0, new[] { 2 })]
    [InlineData(2000, new[] { 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60 })]
    public void A_band_counts_as_reached_from_its_age_in_days(int ageDays, int[] bands)
    {
        Assert.Equal(bands, Evaluate(Birth.AddDays(ageDays)).Bands);
    }

    [Fact]
    public void Statuses_follow_the_record_and_the_checklist_age()
    {
        var report = Evaluate(new DateOnly(2025, 7, 15), achieved: [new("m2_smiles_back", new DateOnly(2025, 2, 20), "first smile!")]);
        var smile = report.Milestones.Single(m => m.Key == "m2_smiles_back");
        var face = report.Milestones.Single(m => m.Key == "m2_looks_at_face");
        var nine = report.Milestones.First(m => m.Key.StartsWith("m9_", StringComparison.Ordinal));

        Assert.Equal((MilestoneStatus.Achieved, "first smile!", false), (smile.Status, smile.Note, smile.MentionAtCheckUp));
        Assert.Equal(MilestoneStatus.Expected, face.Status);
        Assert.True(face.MentionAtCheckUp);
        Assert.Contains("check-up", face.CheckUpMessage, StringComparison.Ordinal);
        Assert.Equal((MilestoneStatus.Upcoming, false, null), (nine.Status, nine.MentionAtCheckUp, nine.CheckUpMessage));
    }

    [Fact]
    public void A_preterm_baby_uses_corrected_age()
    {
        // Born at 32+0 weeks: 8 weeks early. 195 days chronological = 139 days corrected (4.57 months).
        var report = Evaluate(new DateOnly(2025, 7, 15), gaWeeks: 32, gaDays: 0);

        Assert.True(report.UsesCorrectedAge);
        Assert.Equal((195, 139), (report.ChronologicalAgeDays, report.CorrectedAgeDays!.Value));
        Assert.Equal(4.57m, report.AgeMonths);
        Assert.Equal([2, 4, 6], report.Bands);
        Assert.Contains("corrected age", report.Milestones.First(m => m.MentionAtCheckUp).CheckUpMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(37, 0, false)]
    [InlineData(36, 6, true)]
    [InlineData(null, null, false)]
    public void Correction_applies_below_37_weeks_only(int? weeks, int? days, bool corrected)
    {
        Assert.Equal(corrected, Evaluate(new DateOnly(2025, 7, 15), weeks, days).UsesCorrectedAge);
    }

    [Fact]
    public void Correction_stops_at_24_months_chronological()
    {
        Assert.True(Evaluate(new DateOnly(2026, 12, 31), gaWeeks: 28).UsesCorrectedAge);
        var report = Evaluate(new DateOnly(2027, 1, 1), gaWeeks: 28);

        Assert.False(report.UsesCorrectedAge);
        Assert.Null(report.CorrectedAgeDays);
        Assert.Equal(report.ChronologicalAgeMonths, report.AgeMonths);
    }

    [Fact]
    public void WHO_milestones_are_flagged_only_after_the_99th_percentile()
    {
        // Sitting without support: p99 = 9.2 months = 280.0 days.
        var at280 = Evaluate(Birth.AddDays(280)).Milestones.Single(m => m.Key == "who_sitting_without_support");
        var at281 = Evaluate(Birth.AddDays(281)).Milestones.Single(m => m.Key == "who_sitting_without_support");

        Assert.Equal(MilestoneStatus.Expected, at280.Status);
        Assert.False(at280.MentionAtCheckUp);
        Assert.True(at281.MentionAtCheckUp);
        Assert.Equal((3.8m, 9.2m), (at281.WindowStartMonths!.Value, at281.WindowEndMonths!.Value));
    }

    [Fact]
    public void Crawling_is_never_flagged_because_some_children_never_crawl()
    {
        var crawl = Evaluate(Birth.AddDays(600)).Milestones.Single(m => m.Key == "who_hands_knees_crawling");

        Assert.Equal(MilestoneStatus.Expected, crawl.Status);
        Assert.False(crawl.MentionAtCheckUp);
    }

    [Theory]
    [InlineData(181, true)] // 5.95 months
    [InlineData(110, false)] // 3.61 months: before the 1st percentile
    public void WHO_achievements_are_checked_against_the_window(int ageDays, bool inside)
    {
        var view = Evaluate(Birth.AddDays(300), achieved: [new("who_sitting_without_support", Birth.AddDays(ageDays))])
            .Milestones.Single(m => m.Key == "who_sitting_without_support");

        Assert.Equal(MilestoneStatus.Achieved, view.Status);
        Assert.Equal(inside, view.AchievedWithinWindow);
    }

    [Fact]
    public void A_preterm_baby_s_achievement_age_is_corrected_too()
    {
        // Born at 30 weeks (70 days early): sitting at 210 days chronological is 140 days (4.60 months) corrected.
        var view = Evaluate(Birth.AddDays(300), gaWeeks: 30, achieved: [new("who_sitting_without_support", Birth.AddDays(210))])
            .Milestones.Single(m => m.Key == "who_sitting_without_support");

        Assert.Equal(4.60m, view.AchievedAgeMonths);
        Assert.True(view.AchievedWithinWindow);
    }

    [Fact]
    public void Custom_milestones_are_returned_with_source_custom()
    {
        CustomMilestone[] custom =
        [
            new("c1", "Waves bye-bye", MilestoneDomain.SocialEmotional, 10m, null),
            new("c2", "First swim", MilestoneDomain.MovementPhysical, null, Birth.AddDays(200), "at the lake"),
        ];

        var views = Evaluate(Birth.AddDays(335), custom: custom).Milestones.Where(m => m.Source == MilestoneSource.Custom).ToList();

        Assert.Equal(["c1", "c2"], views.Select(v => v.Key));
        Assert.Equal((MilestoneStatus.Expected, false), (views[0].Status, views[0].MentionAtCheckUp));
        Assert.Equal((MilestoneStatus.Achieved, "at the lake"), (views[1].Status, views[1].Note));
        Assert.Null(views[1].AchievedWithinWindow);
    }

    [Fact]
    public void An_early_achievement_from_a_later_checklist_is_shown()
    {
        var report = Evaluate(Birth.AddDays(100), achieved: [new("m12_pulls_to_stand", Birth.AddDays(95))]);

        Assert.Contains(report.Milestones, m => m.Key == "m12_pulls_to_stand" && m.Status == MilestoneStatus.Achieved);
    }

    [Fact]
    public void Nonsense_gestational_ages_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(Birth.AddDays(10), gaWeeks: 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(Birth.AddDays(10), gaWeeks: 30, gaDays: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(Birth.AddDays(-1)));
    }
}
