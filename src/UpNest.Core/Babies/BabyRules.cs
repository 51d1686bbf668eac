using System.Text.RegularExpressions;
using UpNest.Core.Common;

namespace UpNest.Core.Babies;

/// <summary>What a plausible baby record looks like; the errors name the client's fields.</summary>
public static partial class BabyRules
{
    public static void Validate(Baby baby, DateOnly today, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(baby.Name) || baby.Name.Length > 100)
        {
            errors.Add("name", "A name of 1 to 100 characters is required.");
        }
        if (baby.DateOfBirth > today)
        {
            errors.Add("dateOfBirth", "The date of birth cannot be in the future.");
        }
        else if (baby.DateOfBirth < today.AddYears(-21))
        {
            // Catch-up runs to 18; families keep the records a few years longer.
            errors.Add("dateOfBirth", "UpNest keeps children's records up to 21 years after birth.");
        }
        if (baby.GestationalAgeWeeks is { } weeks and (< 22 or > 44))
        {
            errors.Add("gestationalAgeWeeks", "Gestational age at birth must be between 22 and 44 weeks.");
        }
        if (baby.GestationalAgeDays is { } days && (days is < 0 or > 6 || baby.GestationalAgeWeeks is null))
        {
            errors.Add("gestationalAgeDays", "Extra days must be 0 to 6 and come with gestationalAgeWeeks.");
        }
        CheckRange(errors, "birthWeightKg", baby.BirthWeightKg, 0.2, 7.0, "kg");
        CheckRange(errors, "birthLengthCm", baby.BirthLengthCm, 20, 65, "cm");
        CheckRange(errors, "birthHeadCircumferenceCm", baby.BirthHeadCircumferenceCm, 15, 45, "cm");
        if (baby.Country is not null && !CountryCode().IsMatch(baby.Country))
        {
            errors.Add("country", "Use a two-letter ISO 3166-1 country code such as US or GB.");
        }
        if (baby.Notes is { Length: > 4000 })
        {
            errors.Add("notes", "Notes can have at most 4000 characters.");
        }
    }

    public static void CheckRange(ValidationErrors errors, string field, double? value, double min, double max, string unit)
    {
        if (value is not { } v)
        {
            return;
        }
        if (!double.IsFinite(v) || v < min || v > max)
        {
            errors.Add(field, $"Must be between {min} and {max} {unit}.");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
