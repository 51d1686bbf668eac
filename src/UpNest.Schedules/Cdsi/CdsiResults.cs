namespace UpNest.Schedules.Cdsi;

public enum CdsiSex { Unknown, Female, Male }

/// <summary>The patient as CDSi needs them; a birth country only matters for evidence of immunity by birth date.</summary>
public sealed record CdsiPatient(DateOnly DateOfBirth, CdsiSex Sex = CdsiSex.Unknown, string? BirthCountry = null);

/// <summary>One vaccine dose administered, as recorded: any CVX code, historical or unknown.</summary>
public sealed record CdsiAdministeredDose(string Id, string Cvx, DateOnly DateAdministered);

public enum CdsiDoseStatus { Valid, NotValid, Extraneous }

/// <summary>CDSi's evaluation reasons; <see cref="None"/> for a dose valid without grace.</summary>
public enum CdsiDoseReason
{
    None,
    GracePeriod,
    TooYoung,
    TooOld,
    TooSoon,
    LiveVirusConflict,
    NotPreferableOrAllowable,
    Inadvertent,
    SeriesComplete,
    NotInSchedule,
}

/// <summary>The evaluation of one dose for one antigen (a combination product has one per antigen).</summary>
public sealed record CdsiDoseEvaluation(
    string DoseId, string Cvx, DateOnly DateAdministered, string? Antigen, CdsiDoseStatus Status,
    CdsiDoseReason Reason, int? TargetDose);

public enum CdsiSeriesStatus { NotComplete, Complete, Immune, AgedOut, NotRecommended, Contraindicated }

/// <summary>What set the earliest date of a forecast dose.</summary>
public enum CdsiDateBasis { MinimumAge, IntervalFromPrevious, IntervalFromTargetDose, IntervalFromMostRecent, LiveVirusConflict, SeasonStart }

/// <summary>
/// The next dose: its number in the selected series and CDSi's four dates (past due and latest
/// are absent when the series sets no latest recommended age/interval or maximum age).
/// </summary>
public sealed record CdsiForecast(
    int DoseNumber, DateOnly Earliest, DateOnly Recommended, DateOnly? PastDue, DateOnly? Latest,
    CdsiDateBasis EarliestBasis, string? BasisInterval, IReadOnlyList<string> VaccineCvx);

public sealed record CdsiAntigenResult(
    string Antigen, string VaccineGroup, string Series, CdsiSeriesStatus Status,
    IReadOnlyList<CdsiDoseEvaluation> Doses, CdsiForecast? Forecast);

public sealed record CdsiVaccineGroupResult(
    string VaccineGroup, CdsiSeriesStatus Status, CdsiForecast? Forecast, IReadOnlyList<string> Antigens);

/// <summary>
/// Everything CDSi says as of one day. <see cref="Unmapped"/> holds doses whose CVX code has no
/// CDSi antigen (shown as extraneous, never dropped).
/// </summary>
public sealed record CdsiResult(
    DateOnly AsOf, IReadOnlyList<CdsiAntigenResult> Antigens, IReadOnlyList<CdsiVaccineGroupResult> VaccineGroups,
    IReadOnlyList<CdsiDoseEvaluation> Unmapped)
{
    public CdsiVaccineGroupResult? Group(string name) => VaccineGroups.FirstOrDefault(g => g.VaccineGroup == name);

    public CdsiAntigenResult? Antigen(string name) => Antigens.FirstOrDefault(a => a.Antigen == name);
}
