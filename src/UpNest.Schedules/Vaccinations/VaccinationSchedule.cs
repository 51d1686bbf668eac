namespace UpNest.Schedules.Vaccinations;

/// <summary>A country's routine schedule as UpNest plans it.</summary>
/// <param name="Id"><c>US</c>, <c>UK</c> or <c>WHO</c>.</param>
/// <param name="Name">Version and source, e.g. "CDC/ACIP 2025 (CDSi 4.64)".</param>
/// <param name="Attribution">Source and licence line to show with the schedule.</param>
public sealed record VaccinationSchedule(string Id, string Name, string Attribution, IReadOnlyList<ScheduleDose> Doses)
{
    public ScheduleDose? Find(string vaccine, int doseNumber) =>
        Doses.FirstOrDefault(d => d.DoseNumber == doseNumber && SameVaccine(d.Vaccine, vaccine));

    public bool Contains(string vaccine) => Doses.Any(d => SameVaccine(d.Vaccine, vaccine));

    /// <summary>The schedule's own spelling of a key given in any case, or null.</summary>
    public string? CanonicalKey(string vaccine) =>
        Doses.FirstOrDefault(d => SameVaccine(d.Vaccine, vaccine))?.Vaccine;

    /// <summary>Keys are matched ignoring case: clients send "hepb" as readily as "HepB".</summary>
    internal static bool SameVaccine(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
