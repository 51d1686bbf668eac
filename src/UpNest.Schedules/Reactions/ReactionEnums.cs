namespace UpNest.Schedules.Reactions;

/// <summary>The fixed list of reactions a parent can record after a dose.</summary>
public enum ReactionType
{
    Fever,
    InjectionSiteReaction,
    Swelling,
    Rash,
    PersistentCrying,
    Drowsiness,
    Vomiting,
    Diarrhoea,
    Seizure,
    Anaphylaxis,
    HypotonicHyporesponsiveEpisode,
    Other,
}

public enum ReactionSeverity
{
    Mild,
    Moderate,
    Severe,
}

public enum ReactionOutcome
{
    Resolved,
    Ongoing,
    Unknown,
}
