using UpNest.Api.Babies;
using UpNest.Api.Contracts;
using UpNest.Core.Common;
using UpNest.Growth;

namespace UpNest.Api.Growth;

/// <summary>Checks a calculator request and turns it into the engine's input.</summary>
public static class ZScoreRequests
{
    /// <summary>The oldest age WHO's software scores (under 229 months): 19 years and 17 days is still in.</summary>
    private const int MaxAgeDays = UpNest.Growth.ZScores.WhoRules.LastDay2007;

    /// <summary>One calculator request: the scores, or a validation problem naming every bad field.</summary>
    public static ZScoreResultSet Calculate(ZScoreRequest request)
    {
        var result = CalculateItem(request);
        return result.Errors is { } errors ? throw new ValidationException(errors) : result;
    }

    /// <summary>
    /// One batch item: a result, or the item's own field errors (the batch goes on). No exceptions
    /// on this path, so a batch of bad items costs no more than a batch of good ones.
    /// </summary>
    public static ZScoreResultSet CalculateItem(ZScoreRequest? request)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("body", "Each item must be an object.");
        }
        else if (ToInput(request, errors) is { } input)
        {
            var result = GrowthCalculator.Calculate(input);
            return new ZScoreResultSet(result.AgeDays, result.CorrectedAgeDays, Name(result.AgeUsed), MeasurementScorer.ToResponses(result));
        }
        return new ZScoreResultSet(null, null, "chronological", [], errors.ToDictionary());
    }

    public static string Name(AgeBasis basis) => basis == AgeBasis.Corrected ? "corrected" : "chronological";

    private static GrowthInput? ToInput(ZScoreRequest r, ValidationErrors errors)
    {
        Sex? sex = r.Sex switch { "male" => Sex.Male, "female" => Sex.Female, _ => null };
        if (sex is null)
        {
            errors.Add("sex", "Must be male or female.");
        }
        var ages = (r.BirthDate is not null || r.MeasuredOn is not null ? 1 : 0) + (r.AgeDays is not null ? 1 : 0) + (r.AgeMonths is not null ? 1 : 0);
        int? ageDays = r.AgeDays;
        if (ages != 1)
        {
            errors.Add("ageDays", "Give the age once: birthDate with measuredOn, or ageDays, or ageMonths.");
        }
        else if (r.BirthDate is not null || r.MeasuredOn is not null)
        {
            if (r.BirthDate is not { } birth || r.MeasuredOn is not { } on)
            {
                errors.Add("measuredOn", "birthDate and measuredOn go together.");
            }
            else if (on < birth)
            {
                errors.Add("measuredOn", "The measurement cannot be before the birth.");
            }
            else
            {
                ageDays = GrowthAge.FromDates(birth, on);
            }
        }
        if (ageDays is < 0 or > MaxAgeDays || r.AgeMonths is < 0 or > 240 || r.AgeMonths is { } m && !double.IsFinite(m))
        {
            errors.Add("ageDays", "The age must be between 0 days and 228.99 months (the WHO references end below 229 months).");
        }
        var lengths = (r.LengthCm is null ? 0 : 1) + (r.HeightCm is null ? 0 : 1) + (r.LengthHeightCm is null ? 0 : 1);
        if (lengths > 1)
        {
            errors.Add("lengthCm", "Send one of lengthCm, heightCm or lengthHeightCm.");
        }
        Positive(errors, "weightKg", r.WeightKg, 300);
        Positive(errors, "lengthCm", r.LengthCm ?? r.HeightCm ?? r.LengthHeightCm, 300);
        Positive(errors, "headCircumferenceCm", r.HeadCircumferenceCm, 100);
        Positive(errors, "armCircumferenceCm", r.ArmCircumferenceCm, 100);
        Positive(errors, "tricepsSkinfoldMm", r.TricepsSkinfoldMm, 100);
        Positive(errors, "subscapularSkinfoldMm", r.SubscapularSkinfoldMm, 100);
        if (r.GestationalAgeWeeks is < 22 or > 44 || r.GestationalAgeDays is < 0 or > 6)
        {
            errors.Add("gestationalAgeWeeks", "Gestational age must be 22 to 44 weeks and 0 to 6 days.");
        }
        if (!errors.IsEmpty)
        {
            return null;
        }
        return new GrowthInput
        {
            Sex = sex!.Value,
            AgeDays = ageDays,
            AgeMonths = ageDays is null ? r.AgeMonths : null,
            WeightKg = r.WeightKg,
            LengthHeightCm = r.LengthCm ?? r.HeightCm ?? r.LengthHeightCm,
            Position = r.LengthCm is not null ? MeasurementPosition.Recumbent : r.HeightCm is not null ? MeasurementPosition.Standing : MeasurementPosition.Unknown,
            HeadCircumferenceCm = r.HeadCircumferenceCm,
            ArmCircumferenceCm = r.ArmCircumferenceCm,
            TricepsSkinfoldMm = r.TricepsSkinfoldMm,
            SubscapularSkinfoldMm = r.SubscapularSkinfoldMm,
            Oedema = r.Oedema ?? false,
            GestationalAgeWeeks = r.GestationalAgeWeeks,
            GestationalAgeDays = r.GestationalAgeDays,
        };
    }

    private static void Positive(ValidationErrors errors, string field, double? value, double max)
    {
        if (value is { } v && (!double.IsFinite(v) || v <= 0 || v > max))
        {
            errors.Add(field, $"Must be above 0 and at most {max}.");
        }
    }
}
