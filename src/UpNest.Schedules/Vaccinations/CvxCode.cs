namespace UpNest.Schedules.Vaccinations;

/// <summary>A CVX product code and the schedule keys one dose of it counts toward.</summary>
/// <param name="Live">True when CDSi lists the product in its live-virus conflicts.</param>
public sealed record CvxCode(string Code, IReadOnlyList<string> Vaccines, bool Live, string Description);
