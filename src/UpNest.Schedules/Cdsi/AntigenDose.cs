namespace UpNest.Schedules.Cdsi;

/// <summary>
/// A dose administered as seen by one antigen ("antigen administered record"). A dose in
/// live-virus conflict was given too soon after another live vaccine, whatever the antigen.
/// </summary>
internal sealed record AntigenDose(CdsiAdministeredDose Source, bool InLiveVirusConflict)
{
    public string Id => Source.Id;

    public string Cvx => Source.Cvx;

    public DateOnly Date => Source.DateAdministered;
}
