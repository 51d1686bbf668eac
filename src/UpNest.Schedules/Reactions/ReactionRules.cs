using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Reactions;

/// <summary>Where a suspected vaccine reaction is reported in the baby's country.</summary>
/// <param name="Url">Null where UpNest cannot name one site for every country.</param>
public sealed record ReportingSystem(string Name, string? Url);

/// <summary>Whether a reaction should be reported, where, and what to tell the parent.</summary>
public sealed record ReactionAssessment(bool Reportable, ReportingSystem ReportTo, string Message);

/// <summary>
/// A severe reaction, and any anaphylaxis, seizure or hypotonic-hyporesponsive episode
/// whatever severity was chosen (these are serious by nature), is flagged for reporting to
/// the country's vaccine-safety system. Anyone may report a milder reaction too.
/// </summary>
public static class ReactionRules
{
    public static readonly ReportingSystem Vaers = new("VAERS (Vaccine Adverse Event Reporting System)", "https://vaers.hhs.gov");
    public static readonly ReportingSystem YellowCard = new("Yellow Card scheme (MHRA)", "https://yellowcard.mhra.gov.uk");
    public static readonly ReportingSystem National = new("your national pharmacovigilance authority", null);

    public static bool IsReportable(ReactionType type, ReactionSeverity severity) =>
        severity == ReactionSeverity.Severe
        || type is ReactionType.Anaphylaxis or ReactionType.Seizure or ReactionType.HypotonicHyporesponsiveEpisode;

    /// <summary>The reporting system follows the schedule the country maps to (US, UK, otherwise WHO guidance).</summary>
    public static ReportingSystem ReportingSystemFor(string? country) => ScheduleCatalog.ForCountry(country).Id switch
    {
        "US" => Vaers,
        "UK" => YellowCard,
        _ => National,
    };

    public static ReactionAssessment Assess(ReactionType type, ReactionSeverity severity, string? country)
    {
        var system = ReportingSystemFor(country);
        var where = system.Url is null ? system.Name : $"{system.Name} ({system.Url})";
        var message = IsReportable(type, severity)
            ? "This is a serious reaction. Make sure your baby's doctor knows about it, and report it to " +
              $"{where} — your doctor can do this for you. If your baby is unwell now, seek urgent care."
            : "Mild reactions after vaccines are common and usually pass within a day or two. " +
              $"Tell your doctor if it worries you; you can also report it to {where}.";
        return new ReactionAssessment(IsReportable(type, severity), system, message);
    }
}
