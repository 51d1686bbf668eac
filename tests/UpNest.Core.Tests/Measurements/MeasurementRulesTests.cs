using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;

namespace UpNest.Core.Tests.Measurements;

public sealed class MeasurementRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly Baby Mia = new()
    {
        Id = "b1", Name = "Mia", Sex = Sex.Female, DateOfBirth = new DateOnly(2026, 1, 15), CreatedBy = "u1",
    };

    private static Measurement Blank() => new() { Id = "m1", BabyId = "b1", CreatedBy = "u1" };

    private static (Measurement Result, ValidationErrors Errors) Apply(MeasurementPatch patch, Measurement? current = null)
    {
        var errors = new ValidationErrors();
        return (MeasurementRules.Apply(current ?? Blank(), patch, errors), errors);
    }

    private static Dictionary<string, string[]> ErrorsOf(ValidationErrors errors)
    {
        var thrown = Record.Exception(errors.ThrowIfAny);
        return thrown is ValidationException v ? v.Errors.ToDictionary() : [];
    }

    private static Dictionary<string, string[]> Validate(Measurement m)
    {
        var errors = new ValidationErrors();
        MeasurementRules.Validate(m, Mia, Today, errors);
        return ErrorsOf(errors);
    }

    [Fact]
    public void Seven_pounds_eight_ounces_is_stored_as_3_4019_kg()
    {
        var (m, errors) = Apply(new MeasurementPatch { WeightLb = Optional<double?>.Of(7), WeightOz = Optional<double?>.Of(8) });

        Assert.True(errors.IsEmpty);
        Assert.Equal(3.4019, m.WeightKg);
    }

    [Fact]
    public void Twenty_inches_of_length_is_stored_as_50_8_cm_lying_down()
    {
        var (m, _) = Apply(new MeasurementPatch { LengthIn = Optional<double?>.Of(20) });

        Assert.Equal(50.8, m.LengthHeightCm);
        Assert.Equal(LengthPosition.Recumbent, m.Position);
    }

    [Fact]
    public void Height_in_inches_is_stored_in_cm_standing()
    {
        var (m, _) = Apply(new MeasurementPatch { HeightIn = Optional<double?>.Of(30) });

        Assert.Equal(76.2, m.LengthHeightCm);
        Assert.Equal(LengthPosition.Standing, m.Position);
    }

    [Fact]
    public void Head_circumference_in_inches_is_stored_in_cm()
    {
        var (m, _) = Apply(new MeasurementPatch { HeadCircumferenceIn = Optional<double?>.Of(14) });

        Assert.Equal(35.56, m.HeadCircumferenceCm);
    }

    [Fact]
    public void Ounces_alone_are_a_weight()
    {
        var (m, _) = Apply(new MeasurementPatch { WeightOz = Optional<double?>.Of(8) });

        Assert.Equal(0.2268, m.WeightKg);
    }

    [Fact]
    public void Weight_in_kg_and_in_pounds_at_once_is_an_error_on_weightKg()
    {
        var (_, errors) = Apply(new MeasurementPatch { WeightKg = Optional<double?>.Of(3), WeightLb = Optional<double?>.Of(7) });

        Assert.Contains("weightKg", ErrorsOf(errors).Keys);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(7, 16)]
    [InlineData(7, -2)]
    public void Negative_pounds_or_ounces_out_of_0_to_16_are_an_error_on_weightOz(double lb, double oz)
    {
        var (_, errors) = Apply(new MeasurementPatch { WeightLb = Optional<double?>.Of(lb), WeightOz = Optional<double?>.Of(oz) });

        Assert.Contains("weightOz", ErrorsOf(errors).Keys);
    }

    [Fact]
    public void Length_and_height_at_once_are_an_error_on_lengthCm()
    {
        var (_, errors) = Apply(new MeasurementPatch { LengthCm = Optional<double?>.Of(50), HeightCm = Optional<double?>.Of(50) });

        Assert.Contains("lengthCm", ErrorsOf(errors).Keys);
    }

    [Fact]
    public void Switching_from_length_to_height_changes_the_position()
    {
        var current = Blank() with { LengthHeightCm = 80, Position = LengthPosition.Recumbent };

        var (m, errors) = Apply(new MeasurementPatch { HeightCm = Optional<double?>.Of(81) }, current);

        Assert.True(errors.IsEmpty);
        Assert.Equal(81, m.LengthHeightCm);
        Assert.Equal(LengthPosition.Standing, m.Position);
    }

    [Fact]
    public void A_null_length_clears_length_and_position()
    {
        var current = Blank() with { WeightKg = 5, LengthHeightCm = 60, Position = LengthPosition.Recumbent };

        var (m, _) = Apply(new MeasurementPatch { LengthCm = Optional<double?>.Of(null) }, current);

        Assert.Null(m.LengthHeightCm);
        Assert.Null(m.Position);
        Assert.Equal(5, m.WeightKg);
    }

    [Fact]
    public void Absent_fields_keep_their_values_in_a_patch()
    {
        var current = Blank() with { MeasuredOn = new DateOnly(2026, 2, 1), WeightKg = 5, Note = "clinic" };

        var (m, _) = Apply(new MeasurementPatch { HeadCircumferenceCm = Optional<double?>.Of(38) }, current);

        Assert.Equal(new DateOnly(2026, 2, 1), m.MeasuredOn);
        Assert.Equal(5, m.WeightKg);
        Assert.Equal("clinic", m.Note);
        Assert.Equal(38, m.HeadCircumferenceCm);
    }

    [Fact]
    public void A_plausible_measurement_passes()
    {
        var m = Blank() with { MeasuredOn = Today, WeightKg = 6.2, LengthHeightCm = 62, Position = LengthPosition.Recumbent, HeadCircumferenceCm = 40 };

        Assert.Empty(Validate(m));
    }

    [Fact]
    public void A_measurement_before_the_birth_date_is_refused() =>
        Assert.Contains("measuredOn", Validate(Blank() with { MeasuredOn = Mia.DateOfBirth.AddDays(-1), WeightKg = 3 }).Keys);

    [Fact]
    public void A_measurement_on_the_birth_date_is_fine() =>
        Assert.Empty(Validate(Blank() with { MeasuredOn = Mia.DateOfBirth, WeightKg = 3 }));

    [Fact]
    public void A_measurement_after_today_is_refused() =>
        Assert.Contains("measuredOn", Validate(Blank() with { MeasuredOn = Today.AddDays(1), WeightKg = 6 }).Keys);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(0.19)]
    [InlineData(251)]
    [InlineData(double.NaN)]
    public void An_impossible_weight_is_refused(double kg) =>
        Assert.Contains("weightKg", Validate(Blank() with { MeasuredOn = Today, WeightKg = kg }).Keys);

    [Fact]
    public void An_impossible_height_is_reported_on_heightCm() =>
        Assert.Contains("heightCm", Validate(Blank() with { MeasuredOn = Today, LengthHeightCm = 500, Position = LengthPosition.Standing }).Keys);

    [Fact]
    public void An_impossible_length_is_reported_on_lengthCm() =>
        Assert.Contains("lengthCm", Validate(Blank() with { MeasuredOn = Today, LengthHeightCm = 5, Position = LengthPosition.Recumbent }).Keys);

    [Fact]
    public void A_measurement_without_any_value_is_refused() =>
        Assert.Contains("weightKg", Validate(Blank() with { MeasuredOn = Today }).Keys);

    [Fact]
    public void A_note_over_2000_characters_is_refused() =>
        Assert.Contains("note", Validate(Blank() with { MeasuredOn = Today, WeightKg = 6, Note = new string('x', 2001) }).Keys);
}
