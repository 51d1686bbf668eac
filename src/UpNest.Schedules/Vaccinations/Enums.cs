namespace UpNest.Schedules.Vaccinations;

/// <summary>A dose's state on a given day (DESIGN.md "Vaccination dates and status").</summary>
public enum DoseStatus
{
    Upcoming,
    Due,
    Overdue,
    Completed,
    Skipped,
    NotApplicable,
}

/// <summary>US category after CDC's January 2026 change; UK and WHO doses are all routine.</summary>
public enum Recommendation
{
    /// <summary>Recommended for all children.</summary>
    Routine,

    /// <summary>Shared clinical decision-making, with or without high-risk groups.</summary>
    SharedDecision,

    /// <summary>High-risk groups only.</summary>
    HighRisk,

    /// <summary>In the 2025 schedule, not in the January 2026 one.</summary>
    None,
}
