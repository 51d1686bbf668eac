using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Measurements;

/// <summary>Turns client input into an SI measurement and rejects what cannot be a child's.</summary>
public static class MeasurementRules
{
    public static Measurement Apply(Measurement current, MeasurementPatch p, ValidationErrors errors)
    {
        var weight = current.WeightKg;
        if (p.WeightLb.IsSet || p.WeightOz.IsSet)
        {
            if (p.WeightKg.Value is not null)
            {
                errors.Add("weightKg", "Send weight in kg or in lb/oz, not both.");
            }
            var lb = p.WeightLb.Value ?? 0;
            var oz = p.WeightOz.Value ?? 0;
            if (lb < 0 || oz < 0 || oz >= 16 || !double.IsFinite(lb) || !double.IsFinite(oz))
            {
                errors.Add("weightOz", "Pounds must not be negative and ounces must be 0 to under 16.");
            }
            weight = p.WeightLb.Value is null && p.WeightOz.Value is null ? null : Math.Round(ImperialUnits.PoundsToKg(lb, oz), 4);
        }
        else if (p.WeightKg.IsSet)
        {
            weight = p.WeightKg.Value;
        }

        var (length, position) = (current.LengthHeightCm, current.Position);
        var lengthInputs = new (Optional<double?> Value, LengthPosition Position, bool Inches, string Field)[]
        {
            (p.LengthCm, LengthPosition.Recumbent, false, "lengthCm"),
            (p.HeightCm, LengthPosition.Standing, false, "heightCm"),
            (p.LengthIn, LengthPosition.Recumbent, true, "lengthIn"),
            (p.HeightIn, LengthPosition.Standing, true, "heightIn"),
        };
        var given = lengthInputs.Where(i => i.Value.IsSet).ToList();
        if (given.Count(i => i.Value.Value is not null) > 1)
        {
            errors.Add("lengthCm", "Send one of lengthCm, heightCm, lengthIn or heightIn.");
        }
        else if (given.Count > 0)
        {
            var chosen = given.FirstOrDefault(i => i.Value.Value is not null);
            if (chosen.Field is null)
            {
                (length, position) = (null, null);
            }
            else
            {
                var value = chosen.Value.Value!.Value;
                length = chosen.Inches ? Math.Round(ImperialUnits.InchesToCm(value), 3) : value;
                position = chosen.Position;
            }
        }

        var head = current.HeadCircumferenceCm;
        if (p.HeadCircumferenceIn.IsSet && p.HeadCircumferenceIn.Value is { } headIn)
        {
            head = Math.Round(ImperialUnits.InchesToCm(headIn), 3);
        }
        else if (p.HeadCircumferenceCm.IsSet || p.HeadCircumferenceIn.IsSet)
        {
            head = p.HeadCircumferenceCm.Value;
        }

        return current with
        {
            MeasuredOn = p.MeasuredOn.Value ?? current.MeasuredOn,
            WeightKg = weight,
            LengthHeightCm = length,
            Position = position,
            HeadCircumferenceCm = head,
            ArmCircumferenceCm = p.ArmCircumferenceCm.Or(current.ArmCircumferenceCm),
            TricepsSkinfoldMm = p.TricepsSkinfoldMm.Or(current.TricepsSkinfoldMm),
            SubscapularSkinfoldMm = p.SubscapularSkinfoldMm.Or(current.SubscapularSkinfoldMm),
            Oedema = p.Oedema.IsSet ? p.Oedema.Value ?? false : current.Oedema,
            Note = p.Note.Or(current.Note),
            Source = p.Source.Or(current.Source)?.Trim(),
        };
    }

    public static void Validate(Measurement m, Baby baby, DateOnly today, ValidationErrors errors)
    {
        if (m.MeasuredOn < baby.DateOfBirth)
        {
            errors.Add("measuredOn", "A measurement cannot be taken before the date of birth.");
        }
        if (m.MeasuredOn > today)
        {
            errors.Add("measuredOn", "A measurement cannot be in the future.");
        }
        var field = m.Position == LengthPosition.Standing ? "heightCm" : "lengthCm";
        BabyRules.CheckRange(errors, "weightKg", m.WeightKg, 0.2, 250, "kg");
        BabyRules.CheckRange(errors, field, m.LengthHeightCm, 20, 230, "cm");
        BabyRules.CheckRange(errors, "headCircumferenceCm", m.HeadCircumferenceCm, 15, 70, "cm");
        BabyRules.CheckRange(errors, "armCircumferenceCm", m.ArmCircumferenceCm, 5, 60, "cm");
        BabyRules.CheckRange(errors, "tricepsSkinfoldMm", m.TricepsSkinfoldMm, 1, 60, "mm");
        BabyRules.CheckRange(errors, "subscapularSkinfoldMm", m.SubscapularSkinfoldMm, 1, 60, "mm");
        if (m.WeightKg is null && m.LengthHeightCm is null && m.HeadCircumferenceCm is null && m.ArmCircumferenceCm is null
            && m.TricepsSkinfoldMm is null && m.SubscapularSkinfoldMm is null)
        {
            errors.Add("weightKg", "Record at least one measured value.");
        }
        if (m.Note is { Length: > 2000 })
        {
            errors.Add("note", "A note can have at most 2000 characters.");
        }
        if (m.Source is { Length: > 50 })
        {
            errors.Add("source", "The source can have at most 50 characters.");
        }
    }
}
