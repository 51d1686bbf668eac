namespace UpNest.Core.Babies;

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>What a person may do with a baby's records, from least to most.</summary>
public enum Role
{
    Viewer = 1,
    Caregiver = 2,
    Owner = 3,
}

public sealed record Baby
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public Sex Sex { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public int? GestationalAgeWeeks { get; init; }
    public int? GestationalAgeDays { get; init; }
    public double? BirthWeightKg { get; init; }
    public double? BirthLengthCm { get; init; }
    public double? BirthHeadCircumferenceCm { get; init; }

    /// <summary>ISO 3166-1 alpha-2; chooses the vaccination schedule.</summary>
    public string? Country { get; init; }

    public string? Notes { get; init; }

    /// <summary>SHA-256 of the secret in the calendar link; null when no link was made.</summary>
    public string? CalendarSecretHash { get; init; }

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; } = 1;
    public DateTimeOffset? DeletedAt { get; init; }
}

/// <summary>A person's access to a baby; the ByUser index lists these per user (QP3).</summary>
public sealed record AccessGrant
{
    public required string BabyId { get; init; }
    public required string UserId { get; init; }
    public Role Role { get; init; }
    public DateTimeOffset Since { get; init; }
    public required string GrantedBy { get; init; }
}

public sealed record BabyWithGrant(Baby Baby, AccessGrant? Grant);

public sealed record BabyWithRole(Baby Baby, Role Role);
