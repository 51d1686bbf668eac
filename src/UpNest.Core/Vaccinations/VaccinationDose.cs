using System.Globalization;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>Where a dose was given (DESIGN.md "Dose fields").</summary>
public enum InjectionSite
{
    LeftThigh,
    RightThigh,
    LeftArm,
    RightArm,
    Oral,
    Nasal,
    Other,
}

/// <summary>How a dose was given.</summary>
public enum AdministrationRoute
{
    Intramuscular,
    Subcutaneous,
    Oral,
    Intranasal,
    Intradermal,
}

/// <summary>
/// One record of the Vaccinations table (PK babyId, SK <c>DOSE#vaccine#dose</c>): a dose the
/// schedule planned, with the facts the family recorded about it. Only facts are stored
/// (planned dates, given, skipped); the status is computed on read against "today".
/// </summary>
public sealed record VaccinationDose
{
    /// <summary>"{vaccine}.{doseNumber}", e.g. <c>HepB.1</c>; see <see cref="IdFor"/>.</summary>
    public required string Id { get; init; }

    public required string BabyId { get; init; }

    /// <summary>Schedule key (<c>HepB</c>), or the key the family sent for a dose outside the schedule.</summary>
    public required string Vaccine { get; init; }

    public int DoseNumber { get; init; }

    /// <summary>The planned dose with its dates; null for a given dose the schedule does not have.</summary>
    public PlannedDose? Planned { get; init; }

    public DoseGiven? Given { get; init; }

    /// <summary>Set while the owner has skipped the dose; a reason is required.</summary>
    public string? SkipReason { get; init; }

    public IReadOnlyList<DoseWarning> Warnings { get; init; } = [];

    public IReadOnlyList<DoseReaction> Reactions { get; init; } = [];

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; } = 1;

    /// <summary>
    /// The key of the reminder index: the due date while the dose is pending (planned, neither
    /// given nor skipped), otherwise null so the record leaves the sparse index.
    /// </summary>
    public DateOnly? PendingDueOn => Planned is not null && Given is null && SkipReason is null ? Planned.DueOn : null;

    /// <summary>The date the list is ordered by: planned due date, else the day it was given.</summary>
    public DateOnly SortOn => Planned?.DueOn ?? Given?.GivenOn ?? DateOnly.MinValue;

    public static string IdFor(string vaccine, int doseNumber) =>
        vaccine + "." + doseNumber.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What was recorded when the dose was given.</summary>
public sealed record DoseGiven
{
    public DateOnly GivenOn { get; init; }
    public string? Cvx { get; init; }
    public string? Product { get; init; }
    public string? LotNumber { get; init; }
    public InjectionSite? Site { get; init; }
    public AdministrationRoute? Route { get; init; }
    public string? Provider { get; init; }
    public string? Note { get; init; }
}
