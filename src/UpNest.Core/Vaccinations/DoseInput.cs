using UpNest.Core.Common;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>Client input for recording (POST) or editing (PATCH) a dose; absent fields are unchanged.</summary>
public sealed record DoseInput
{
    public Optional<string> Vaccine { get; init; }
    public Optional<int?> DoseNumber { get; init; }
    public Optional<DateOnly?> GivenOn { get; init; }
    public Optional<string> Cvx { get; init; }
    public Optional<string> Product { get; init; }
    public Optional<string> LotNumber { get; init; }
    public Optional<InjectionSite?> Site { get; init; }
    public Optional<AdministrationRoute?> Route { get; init; }
    public Optional<string> Provider { get; init; }
    public Optional<string> Note { get; init; }

    /// <summary>PATCH only: <c>"skipped"</c> to skip the dose, null to take the skip back.</summary>
    public Optional<string> Status { get; init; }

    public Optional<string> SkipReason { get; init; }

    /// <summary>The given facts with this input applied on top of <paramref name="current"/>.</summary>
    internal DoseGiven ApplyTo(DoseGiven current) => current with
    {
        GivenOn = GivenOn.Value ?? current.GivenOn,
        Cvx = Cvx.IsSet ? CvxCatalog.Normalize(Cvx.Value) : current.Cvx,
        Product = Trimmed(Product, current.Product),
        LotNumber = Trimmed(LotNumber, current.LotNumber),
        Site = Site.Or(current.Site),
        Route = Route.Or(current.Route),
        Provider = Trimmed(Provider, current.Provider),
        Note = Note.Or(current.Note),
    };

    private static string? Trimmed(Optional<string> value, string? current) =>
        value.IsSet ? (string.IsNullOrWhiteSpace(value.Value) ? null : value.Value.Trim()) : current;
}

/// <summary>A dose record with its status on the day it was read.</summary>
public sealed record DoseView(VaccinationDose Dose, DoseStatus Status)
{
    /// <summary>The planned dates the status came from: the schedule's, held to the CDSi forecast where there is one.</summary>
    public PlannedDose? Effective { get; init; }
}

/// <summary>A page of the baby's doses on a day, with CDSi's evaluation and forecast where the schedule has them.</summary>
public sealed record DoseList(Page<DoseView> Page, DateOnly AsOf, VaccinationForecast? Forecast);

/// <summary>A due dose in the list across the caller's babies.</summary>
public sealed record DueDoseView(VaccinationDose Dose, DoseStatus Status, string BabyName);

/// <summary>The outcome of recording a dose: the dose asked for, and any others the same product completed.</summary>
public sealed record RecordedDoses(DoseView Primary, IReadOnlyList<DoseView> AlsoCompleted);
