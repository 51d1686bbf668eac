using System.Net;
using System.Net.Http.Json;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Growth;

/// <summary>The NICE NG75 alerts and the nine-line chart spaces in the growth summary; the WHO age limits at the calculator.</summary>
public sealed class GrowthAlertsApiTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new();
    private TestUser _parent = null!;

    public async Task InitializeAsync() => _parent = await _factory.SignUpAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_issue_example_raises_the_NG75_centile_fall_alert_with_its_numbers_and_the_summary_shows_the_spaces()
    {
        var babyId = (await _parent.CreateBabyAsync("Ivy", "female", "2026-05-01", new { gestationalAgeWeeks = 34 }))["id"]!.GetValue<string>();
        double[] kg = [2.1, 3.0, 4.1, 5.0, 5.6, 6.0, 6.2];
        for (var i = 0; i < kg.Length; i++)
        {
            var created = await _parent.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements",
                new { measuredOn = new DateOnly(2026, 5 + i, 1).ToString("yyyy-MM-dd"), weightKg = kg[i] });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var summary = await (await _parent.Client.GetAsync($"/v1/babies/{babyId}/growth/summary")).ReadJsonAsync();

        // Existing fields unchanged: no single step crosses two major lines.
        Assert.All(summary["trends"]!.AsArray(), t => Assert.True(Math.Abs(t!["majorLinesCrossed"]!.GetValue<int>()) < 2));
        var alert = summary["alerts"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "ng75-weight-centile-fall")!;
        Assert.Equal("warning", alert["severity"]!.GetValue<string>());
        Assert.Equal("weight-faltering", alert["kind"]!.GetValue<string>());
        Assert.StartsWith("NICE NG75", alert["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("centile spaces", alert["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("health visitor or paediatrician", alert["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var evidence = alert["evidence"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<double>());
        Assert.Equal(0.62, evidence["birthZScore"]);
        Assert.Equal(-0.69, evidence["latestZScore"]);
        Assert.Equal(2, evidence["spacesFallen"]);
        Assert.Equal(2, evidence["thresholdSpaces"]);

        var weight = summary["centileSpaces"]!.AsArray().Single(c => c!["indicator"]!.GetValue<string>() == "weight-for-age")!;
        Assert.Equal("9th–25th", weight["label"]!.GetValue<string>());
        Assert.Equal(3, weight["space"]!.GetValue<int>());
        Assert.Equal(-2, weight["spacesSinceBirth"]!.GetValue<int>());
        Assert.Equal(-2, weight["spacesSinceHighest"]!.GetValue<int>());
        Assert.Equal("2026-07-01", weight["highestOn"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2007-05-15", "2026-06-01", true)]  // 19 years 17 days = 228.6 months
    [InlineData("2007-05-15", "2026-06-14", true)]  // 6970 days, 228.99 months
    [InlineData("2007-05-15", "2026-06-15", false)] // 6971 days, 229.03 months: past WHO's software
    public async Task The_calculator_scores_height_for_age_below_229_months(string birthDate, string measuredOn, bool scored)
    {
        var response = await _parent.Client.PostAsJsonAsync("/v1/growth/zscores", new { sex = "female", birthDate, measuredOn, heightCm = 163.0, weightKg = 55.0 });

        if (!scored)
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "ageDays");
            return;
        }
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hfa = body["results"]!.AsArray().Single(r => r!["indicator"]!.GetValue<string>() == "length-height-for-age")!;
        Assert.NotNull(hfa["zScore"]);
    }
}
