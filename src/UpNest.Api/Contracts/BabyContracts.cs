using UpNest.Core.Babies;

namespace UpNest.Api.Contracts;

public sealed record BabyResponse(
    string Id, string Name, string Sex, DateOnly DateOfBirth, int? GestationalAgeWeeks, int? GestationalAgeDays,
    double? BirthWeightKg, double? BirthLengthCm, double? BirthHeadCircumferenceCm, string? Country, string? Notes,
    string Role, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static BabyResponse From(Baby b, Role role) => new(
        b.Id, b.Name, ApiNames.Name(b.Sex), b.DateOfBirth, b.GestationalAgeWeeks, b.GestationalAgeDays,
        b.BirthWeightKg, b.BirthLengthCm, b.BirthHeadCircumferenceCm, b.Country, b.Notes,
        ApiNames.Name(role), b.Version, b.CreatedAt, b.UpdatedAt, b.DeletedAt);
}

/// <summary>POST/PATCH body for a baby, for the OpenAPI document (the handler reads it field by field).</summary>
public sealed record BabyRequest(
    string? Name, string? Sex, DateOnly? DateOfBirth, int? GestationalAgeWeeks, int? GestationalAgeDays,
    double? BirthWeightKg, double? BirthLengthCm, double? BirthHeadCircumferenceCm, string? Country, string? Notes);
