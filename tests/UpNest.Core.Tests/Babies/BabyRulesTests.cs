using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Tests.Babies;

public sealed class BabyRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static Baby Mia() => new()
    {
        Id = "b1", Name = "Mia", Sex = Sex.Female, DateOfBirth = new DateOnly(2026, 1, 15), CreatedBy = "u1",
    };

    private static IReadOnlyCollection<string> ErrorFields(Baby baby)
    {
        var errors = new ValidationErrors();
        BabyRules.Validate(baby, Today, errors);
        return Record.Exception(errors.ThrowIfAny) is ValidationException v ? v.Errors.Keys.ToList() : [];
    }

    [Fact]
    public void A_plausible_baby_passes() =>
        Assert.Empty(ErrorFields(Mia() with { GestationalAgeWeeks = 39, GestationalAgeDays = 2, BirthWeightKg = 3.4, BirthLengthCm = 50, Country = "GB" }));

    [Fact]
    public void A_birth_today_is_fine_and_tomorrow_is_in_the_future()
    {
        Assert.Empty(ErrorFields(Mia() with { DateOfBirth = Today }));
        Assert.Contains("dateOfBirth", ErrorFields(Mia() with { DateOfBirth = Today.AddDays(1) }));
    }

    [Fact]
    public void A_child_older_than_21_years_is_refused() =>
        Assert.Contains("dateOfBirth", ErrorFields(Mia() with { DateOfBirth = Today.AddYears(-21).AddDays(-1) }));

    [Fact]
    public void Records_of_a_20_year_old_are_kept() =>
        Assert.Empty(ErrorFields(Mia() with { DateOfBirth = Today.AddYears(-20) }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_refused(string name) => Assert.Contains("name", ErrorFields(Mia() with { Name = name }));

    [Fact]
    public void A_name_over_100_characters_is_refused() => Assert.Contains("name", ErrorFields(Mia() with { Name = new string('a', 101) }));

    [Theory]
    [InlineData(21)]
    [InlineData(45)]
    public void A_gestational_age_outside_22_to_44_weeks_is_refused(int weeks) =>
        Assert.Contains("gestationalAgeWeeks", ErrorFields(Mia() with { GestationalAgeWeeks = weeks }));

    [Fact]
    public void Extra_gestational_days_need_weeks_and_must_be_0_to_6()
    {
        Assert.Contains("gestationalAgeDays", ErrorFields(Mia() with { GestationalAgeDays = 3 }));
        Assert.Contains("gestationalAgeDays", ErrorFields(Mia() with { GestationalAgeWeeks = 38, GestationalAgeDays = 7 }));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(8)]
    [InlineData(-3)]
    public void An_impossible_birth_weight_is_refused(double kg) =>
        Assert.Contains("birthWeightKg", ErrorFields(Mia() with { BirthWeightKg = kg }));

    [Fact]
    public void Birth_length_and_head_circumference_must_be_plausible()
    {
        Assert.Contains("birthLengthCm", ErrorFields(Mia() with { BirthLengthCm = 120 }));
        Assert.Contains("birthHeadCircumferenceCm", ErrorFields(Mia() with { BirthHeadCircumferenceCm = 5 }));
    }

    [Theory]
    [InlineData("gb")]
    [InlineData("GBR")]
    [InlineData("1A")]
    public void A_country_must_be_two_capital_letters(string country) =>
        Assert.Contains("country", ErrorFields(Mia() with { Country = country }));

    [Fact]
    public void Notes_over_4000_characters_are_refused() =>
        Assert.Contains("notes", ErrorFields(Mia() with { Notes = new string('n', 4001) }));
}
