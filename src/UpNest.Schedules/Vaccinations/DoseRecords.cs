namespace UpNest.Schedules.Vaccinations;

/// <summary>A dose already recorded for the baby.</summary>
public sealed record GivenDose(string Vaccine, int DoseNumber, DateOnly GivenOn, string? Cvx = null);

/// <summary>A dose being recorded; without a dose number it fills the lowest dose not yet given.</summary>
public sealed record DoseRecord(string Vaccine, int? DoseNumber, DateOnly GivenOn, string? Cvx = null);

/// <summary>A planned dose the owner chose to skip; a reason is required.</summary>
public sealed record SkippedDose
{
    public SkippedDose(string vaccine, int doseNumber, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Vaccine = vaccine;
        DoseNumber = doseNumber;
        Reason = reason;
    }

    public string Vaccine { get; }

    public int DoseNumber { get; }

    public string Reason { get; }
}

/// <summary>One planned dose with its status on a day, and what completed or skipped it.</summary>
public sealed record DoseState(PlannedDose Dose, DoseStatus Status, GivenDose? Given, SkippedDose? Skipped);

/// <summary>A reason a recorded dose may not count. Messages are written for parents.</summary>
public sealed record DoseWarning(string Code, string Message);

/// <summary>The outcome of checking a dose being recorded.</summary>
/// <param name="Vaccine">The schedule's spelling of the key when it is in the schedule.</param>
/// <param name="Planned">The planned dose it completes; null when the schedule has no such dose.</param>
public sealed record DoseCheck(string Vaccine, int? DoseNumber, PlannedDose? Planned, IReadOnlyList<DoseWarning> Warnings);
