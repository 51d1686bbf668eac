using UpNest.Schedules.Vaccinations;

namespace UpNest.Schedules.Tests;

public class CvxCatalogTests
{
    [Theory]
    [InlineData("110", new[] { "DTaP", "HepB", "IPV" })]
    [InlineData("146", new[] { "DTaP", "IPV", "Hib", "HepB" })]
    [InlineData("94", new[] { "MMR", "VAR" })]
    [InlineData("3", new[] { "MMR" })]
    [InlineData("08", new[] { "HepB" })]
    [InlineData("999", new string[0])]
    public void CVX_codes_map_to_schedule_keys(string cvx, string[] keys)
    {
        Assert.Equal(keys, CvxCatalog.VaccinesFor(cvx));
    }

    [Fact]
    public void The_same_product_maps_to_each_schedule_s_own_keys()
    {
        Assert.Equal(["DTaP-IPV-Hib-HepB"], CvxCatalog.VaccinesFor("146", ScheduleCatalog.Uk));
        Assert.Equal(["DTP", "HepB", "Hib", "IPV"], CvxCatalog.VaccinesFor("146", ScheduleCatalog.Who).Order(StringComparer.Ordinal));
        Assert.Equal(["MMRV"], CvxCatalog.VaccinesFor("94", ScheduleCatalog.Uk));
        Assert.Empty(CvxCatalog.VaccinesFor("03", ScheduleCatalog.Uk));
    }

    [Theory]
    [InlineData("03", true)]
    [InlineData("21", true)]
    [InlineData("94", true)]
    [InlineData("111", true)]
    [InlineData("19", true)]
    [InlineData("140", false)]
    [InlineData("119", false)]
    [InlineData("178", false)]
    [InlineData(null, false)]
    public void Live_products_are_those_in_the_CDSi_conflict_table(string? cvx, bool live)
    {
        Assert.Equal(live, CvxCatalog.IsLive(cvx));
    }

    [Theory]
    [InlineData("3", "03")]
    [InlineData("003", "03")]
    [InlineData(" 110 ", "110")]
    [InlineData("", null)]
    public void Codes_are_normalised_with_one_leading_zero(string input, string? expected)
    {
        Assert.Equal(expected, CvxCatalog.Normalize(input));
    }
}
