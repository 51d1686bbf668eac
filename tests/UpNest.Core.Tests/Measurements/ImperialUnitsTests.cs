using UpNest.Core.Measurements;

namespace UpNest.Core.Tests.Measurements;

public sealed class ImperialUnitsTests
{
    [Fact]
    public void A_pound_is_exactly_0_45359237_kg() => Assert.Equal(0.45359237, ImperialUnits.PoundsToKg(1, 0), 12);

    [Fact]
    public void Ounces_are_sixteenths_of_a_pound() => Assert.Equal(3.401942775, ImperialUnits.PoundsToKg(7, 8), 9);

    [Fact]
    public void An_inch_is_exactly_2_54_cm() => Assert.Equal(50.8, ImperialUnits.InchesToCm(20), 12);

    [Fact]
    public void Conversions_round_trip()
    {
        Assert.Equal(7.5, ImperialUnits.KgToPounds(ImperialUnits.PoundsToKg(7, 8)), 12);
        Assert.Equal(20, ImperialUnits.CmToInches(ImperialUnits.InchesToCm(20)), 12);
    }
}
