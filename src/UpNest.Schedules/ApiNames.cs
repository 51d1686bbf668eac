using UpNest.Schedules.Milestones;
using UpNest.Schedules.Reactions;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules;

/// <summary>
/// The exact strings of the public contract (DESIGN.md) for each enum, so the API layer
/// never invents its own spelling.
/// </summary>
public static class ApiNames
{
    public static string ToApi(this DoseStatus status) => status switch
    {
        DoseStatus.Upcoming => "upcoming",
        DoseStatus.Due => "due",
        DoseStatus.Overdue => "overdue",
        DoseStatus.Completed => "completed",
        DoseStatus.Skipped => "skipped",
        DoseStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToApi(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.Routine => "routine",
        Recommendation.SharedDecision => "shared-decision",
        Recommendation.HighRisk => "high-risk",
        Recommendation.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(recommendation)),
    };

    public static string ToApi(this MilestoneDomain domain) => domain switch
    {
        MilestoneDomain.SocialEmotional => "social-emotional",
        MilestoneDomain.LanguageCommunication => "language-communication",
        MilestoneDomain.Cognitive => "cognitive",
        MilestoneDomain.MovementPhysical => "movement-physical",
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public static string ToApi(this MilestoneSource source) => source switch
    {
        MilestoneSource.Cdc => "CDC",
        MilestoneSource.Who => "WHO",
        MilestoneSource.Custom => "custom",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static string ToApi(this MilestoneStatus status) => status switch
    {
        MilestoneStatus.Achieved => "achieved",
        MilestoneStatus.Expected => "expected",
        MilestoneStatus.Upcoming => "upcoming",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToApi(this ReactionType type) => type switch
    {
        ReactionType.Fever => "fever",
        ReactionType.InjectionSiteReaction => "injection-site-reaction",
        ReactionType.Swelling => "swelling",
        ReactionType.Rash => "rash",
        ReactionType.PersistentCrying => "persistent-crying",
        ReactionType.Drowsiness => "drowsiness",
        ReactionType.Vomiting => "vomiting",
        ReactionType.Diarrhoea => "diarrhoea",
        ReactionType.Seizure => "seizure",
        ReactionType.Anaphylaxis => "anaphylaxis",
        ReactionType.HypotonicHyporesponsiveEpisode => "hypotonic-hyporesponsive-episode",
        ReactionType.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string ToApi(this ReactionSeverity severity) => severity switch
    {
        ReactionSeverity.Mild => "mild",
        ReactionSeverity.Moderate => "moderate",
        ReactionSeverity.Severe => "severe",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string ToApi(this ReactionOutcome outcome) => outcome switch
    {
        ReactionOutcome.Resolved => "resolved",
        ReactionOutcome.Ongoing => "ongoing",
        ReactionOutcome.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>Parses any contract string back to its enum; false when the text is not one.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value switch
        {
            DoseStatus s => s.ToApi(),
            Recommendation r => r.ToApi(),
            MilestoneDomain d => d.ToApi(),
            MilestoneSource s => s.ToApi(),
            MilestoneStatus s => s.ToApi(),
            ReactionType t => t.ToApi(),
            ReactionSeverity s => s.ToApi(),
            ReactionOutcome o => o.ToApi(),
            _ => throw new ArgumentException($"{typeof(TEnum).Name} has no contract names"),
        };
}
