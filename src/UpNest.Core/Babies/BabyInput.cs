using UpNest.Core.Common;

namespace UpNest.Core.Babies;

/// <summary>The fields a client may set on a baby; for PATCH each is optional.</summary>
public sealed record BabyPatch
{
    public Optional<string> Name { get; init; }
    public Optional<Sex?> Sex { get; init; }
    public Optional<DateOnly?> DateOfBirth { get; init; }
    public Optional<int?> GestationalAgeWeeks { get; init; }
    public Optional<int?> GestationalAgeDays { get; init; }
    public Optional<double?> BirthWeightKg { get; init; }
    public Optional<double?> BirthLengthCm { get; init; }
    public Optional<double?> BirthHeadCircumferenceCm { get; init; }
    public Optional<string> Country { get; init; }
    public Optional<string> Notes { get; init; }
}

/// <summary>Told when a baby appears or its schedule inputs (birth date, country) change.</summary>
public interface IBabyChangeListener
{
    Task OnBabyChangedAsync(BabyAccess access, bool created, CancellationToken ct);
}
