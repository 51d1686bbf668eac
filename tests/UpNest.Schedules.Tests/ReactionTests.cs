using UpNest.Schedules.Reactions;

namespace UpNest.Schedules.Tests;

public class ReactionTests
{
    [Theory]
    [InlineData(ReactionType.Fever, ReactionSeverity.Severe, true)]
    [InlineData(ReactionType.Fever, ReactionSeverity.Moderate, false)]
    [InlineData(ReactionType.InjectionSiteReaction, ReactionSeverity.Mild, false)]
    [InlineData(ReactionType.Anaphylaxis, ReactionSeverity.Mild, true)]
    [InlineData(ReactionType.Seizure, ReactionSeverity.Moderate, true)]
    [InlineData(ReactionType.HypotonicHyporesponsiveEpisode, ReactionSeverity.Mild, true)]
    public void Severe_reactions_and_serious_kinds_are_reportable(ReactionType type, ReactionSeverity severity, bool reportable)
    {
        Assert.Equal(reportable, ReactionRules.IsReportable(type, severity));
        Assert.Equal(reportable, ReactionRules.Assess(type, severity, "US").Reportable);
    }

    [Theory]
    [InlineData("US", "VAERS", "https://vaers.hhs.gov")]
    [InlineData(null, "VAERS", "https://vaers.hhs.gov")]
    [InlineData("GB", "Yellow Card", "https://yellowcard.mhra.gov.uk")]
    [InlineData("KE", "your national pharmacovigilance authority", null)]
    public void Reports_go_to_the_country_s_system(string? country, string name, string? url)
    {
        var assessment = ReactionRules.Assess(ReactionType.Seizure, ReactionSeverity.Severe, country);

        Assert.Contains(name, assessment.ReportTo.Name, StringComparison.Ordinal);
        Assert.Equal(url, assessment.ReportTo.Url);
        Assert.Contains(name, assessment.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reaction_value_has_a_contract_name()
    {
        Assert.Equal(12, Enum.GetValues<ReactionType>().Length);
        Assert.Equal("hypotonic-hyporesponsive-episode", ReactionType.HypotonicHyporesponsiveEpisode.ToApi());
        Assert.Equal("injection-site-reaction", ReactionType.InjectionSiteReaction.ToApi());
        Assert.Equal(["mild", "moderate", "severe"], Enum.GetValues<ReactionSeverity>().Select(s => s.ToApi()));
        Assert.Equal(["resolved", "ongoing", "unknown"], Enum.GetValues<ReactionOutcome>().Select(o => o.ToApi()));
        Assert.True(ApiNames.TryParse<ReactionType>("diarrhoea", out var parsed));
        Assert.Equal(ReactionType.Diarrhoea, parsed);
    }
}
