using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Growth;

public sealed class GrowthApiTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new();
    private TestUser _parent = null!;

    public async Task InitializeAsync() => _parent = await _factory.SignUpAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Calculator_matches_the_WHO_reference_case_for_a_recumbent_length_after_two_years()
    {
        // T4 case A01 in ../shared/reference/who-tests: 0.7 cm subtracted, z = -6.09, flagged.
        var response = await _parent.Client.PostAsJsonAsync("/v1/growth/zscores", new { sex = "male", ageDays = 987, lengthCm = 72.86 });
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = body["results"]!.AsArray().Single(r => r!["indicator"]!.GetValue<string>() == "length-height-for-age")!;
        Assert.Equal(-6.09, result["zScore"]!.GetValue<double>());
        Assert.NotNull(result["flag"]);
        Assert.Equal(987, body["ageDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task Calculator_takes_dates_and_reports_corrected_age_for_preterm_babies()
    {
        var response = await _parent.Client.PostAsJsonAsync("/v1/growth/zscores", new
        {
            sex = "female", birthDate = "2026-01-01", measuredOn = "2026-05-01", weightKg = 5.2, lengthCm = 58.0,
            headCircumferenceCm = 39.0, gestationalAgeWeeks = 32,
        });
        var body = await response.ReadJsonAsync();
        Assert.Equal(120, body["ageDays"]!.GetValue<int>());
        Assert.Equal(120 - 56, body["correctedAgeDays"]!.GetValue<int>());
        Assert.Equal("corrected", body["ageUsed"]!.GetValue<string>());
        Assert.Equal(5, body["results"]!.AsArray().Count);
        foreach (var result in body["results"]!.AsArray())
        {
            var percentile = result!["percentile"]!.GetValue<double>();
            Assert.InRange(percentile, 0, 100);
        }
    }

    [Theory]
    [InlineData("""{"ageDays":100,"weightKg":5}""", "sex")]
    [InlineData("""{"sex":"male","weightKg":5}""", "ageDays")]
    [InlineData("""{"sex":"male","ageDays":100,"weightKg":-5}""", "weightKg")]
    [InlineData("""{"sex":"male","ageDays":100,"lengthCm":60,"heightCm":60}""", "lengthCm")]
    [InlineData("""{"sex":"male","ageDays":"ten"}""", "ageDays")]
    public async Task Calculator_rejects_bad_input_with_the_field_named(string json, string field)
    {
        var response = await _parent.Client.PostAsync("/v1/growth/zscores", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Batch_answers_in_order_and_reports_bad_items_without_failing_the_batch()
    {
        var items = Enumerable.Range(0, 500).Select(i => (object)new { sex = i % 2 == 0 ? "male" : "female", ageDays = i * 3, weightKg = 3.5 + (i * 0.01) })
            .Append(new { sex = "unknown", ageDays = 10, weightKg = 3.0 }).ToArray();
        var response = await _parent.Client.PostAsJsonAsync("/v1/growth/zscores/batch", items);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Server-Timing"));
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(501, results.Count);
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(i * 3, results[i]!["ageDays"]!.GetValue<int>());
        }
        Assert.NotNull(results[500]!["errors"]!["sex"]);
    }

    [Fact]
    public async Task Batch_items_are_what_the_single_calculator_answers()
    {
        var items = new JsonArray(
            JsonNode.Parse("""{"sex":"male","ageDays":987,"lengthCm":72.86}"""),
            JsonNode.Parse("""{"sex":"female","birthDate":"2025-01-01","measuredOn":"2025-03-20","weightKg":4.1,"lengthCm":55.2,"headCircumferenceCm":37.9,"gestationalAgeWeeks":32}"""),
            JsonNode.Parse("""{"sex":"male","ageMonths":130,"weightKg":31,"heightCm":141.5}"""),
            JsonNode.Parse("""{"sex":"female","ageDays":300,"weightKg":8,"lengthCm":70,"oedema":true}"""),
            JsonNode.Parse("""{"sex":"male","ageDays":400,"weightKg":40,"lengthCm":60}"""),
            JsonNode.Parse("""{"sex":"x","ageDays":-1,"weightKg":0}"""),
            JsonNode.Parse("""{"sex":"female","ageDays":100,"lengthCm":60,"heightCm":60}"""));
        var response = await _parent.Client.PostAsync("/v1/growth/zscores/batch", new StringContent(items.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), response.Content.Headers.ContentLength);
        var batch = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(items.Count, batch.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var single = await _parent.Client.PostAsync("/v1/growth/zscores", new StringContent(items[i]!.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var body = JsonNode.Parse(await single.Content.ReadAsStringAsync())!;
            if (single.StatusCode == HttpStatusCode.OK)
            {
                Assert.True(JsonNode.DeepEquals(body, batch[i]), $"item {i}: {body.ToJsonString()} vs {batch[i]!.ToJsonString()}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
                Assert.True(JsonNode.DeepEquals(body["errors"], batch[i]!["errors"]), $"item {i}: {body["errors"]!.ToJsonString()} vs {batch[i]!["errors"]!.ToJsonString()}");
                Assert.Empty(batch[i]!["results"]!.AsArray());
            }
        }
    }

    [Fact]
    public async Task Batch_with_an_idempotency_key_is_replayed_byte_for_byte()
    {
        var items = Enumerable.Range(0, 1200).Select(i => new { sex = i % 2 == 0 ? "male" : "female", ageDays = i, weightKg = 3.0 + (i * 0.005) }).ToArray();
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/growth/zscores/batch") { Content = JsonContent.Create(items) };
            request.Headers.Add("Idempotency-Key", "batch-replay-1");
            return await _parent.Client.SendAsync(request);
        }
        var first = await SendAsync();
        var second = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.Equal(1200, JsonNode.Parse(firstText)!.AsArray().Count);
        Assert.Equal(firstText, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batch_refuses_more_than_ten_thousand_children()
    {
        var items = Enumerable.Repeat(new { sex = "male", ageDays = 10, weightKg = 3.0 }, 10_001).ToArray();
        var response = await _parent.Client.PostAsJsonAsync("/v1/growth/zscores/batch", items);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Measurements_carry_their_z_scores_and_the_summary_assesses_the_baby()
    {
        var babyId = (await _parent.CreateBabyAsync("Leo", "male", "2025-01-01"))["id"]!.GetValue<string>();
        var visits = new[] { ("2025-01-01", 3.3, 50.0), ("2025-03-01", 5.6, 58.0), ("2025-06-01", 7.4, 65.0), ("2025-10-01", 7.6, 70.0) };
        JsonObject? last = null;
        foreach (var (on, kg, cm) in visits)
        {
            var created = await _parent.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = on, weightKg = kg, lengthCm = cm });
            last = await created.ReadJsonAsync();
        }
        Assert.Contains(last!["zScores"]!.AsArray(), z => z!["indicator"]!.GetValue<string>() == "weight-for-age" && z["zScore"] is not null);

        var summary = await (await _parent.Client.GetAsync($"/v1/babies/{babyId}/growth/summary")).ReadJsonAsync();
        var latestWeight = summary["latest"]!.AsArray().Single(l => l!["indicator"]!.GetValue<string>() == "weight-for-age")!;
        Assert.Equal("2025-10-01", latestWeight["measuredOn"]!.GetValue<string>());
        Assert.NotEmpty(summary["trends"]!.AsArray());
        Assert.NotEmpty(summary["weightVelocities"]!.AsArray());
        // 7.4 kg at 5 months to 7.6 kg at 9 months falls across centile lines: the parent is told.
        Assert.Contains(summary["alerts"]!.AsArray(), a => a!["message"]!.GetValue<string>().Contains("paediatrician", StringComparison.OrdinalIgnoreCase)
            || a["message"]!.GetValue<string>().Contains("doctor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Chart_gives_the_WHO_curves_for_the_babys_sex_and_its_points()
    {
        var babyId = (await _parent.CreateBabyAsync("Ava", "female", "2025-01-01"))["id"]!.GetValue<string>();
        await _parent.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2025-04-01", weightKg = 5.8 });

        var chart = await (await _parent.Client.GetAsync($"/v1/babies/{babyId}/growth/chart?indicator=weight-for-age")).ReadJsonAsync();
        Assert.Equal("female", chart["sex"]!.GetValue<string>());
        Assert.Equal(["P3", "P15", "P50", "P85", "P97"], chart["centiles"]!.AsArray().Select(c => c!["label"]!.GetValue<string>()));
        Assert.Equal(7, chart["zScoreLines"]!.AsArray().Count);
        var point = chart["points"]!.AsArray().Single()!;
        Assert.Equal(5.8, point["value"]!.GetValue<double>());
        // The girls' WHO median at birth is 3.2322 kg: the P50 curve starts there.
        var p50 = chart["centiles"]!.AsArray()[2]!["points"]!.AsArray()[0]!.AsArray();
        Assert.Equal(3.232, p50[1]!.GetValue<double>(), 2);
    }

    [Fact]
    public async Task Chart_svg_is_a_labelled_drawing()
    {
        var babyId = (await _parent.CreateBabyAsync("Ava", "female", "2025-01-01"))["id"]!.GetValue<string>();
        await _parent.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2025-04-01", weightKg = 5.8 });

        var response = await _parent.Client.GetAsync($"/v1/babies/{babyId}/growth/chart.svg?indicator=weight-for-age");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var text = string.Join(" ", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("P97", text, StringComparison.Ordinal);
        Assert.Contains("kg", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_indicator_is_a_400()
    {
        var babyId = (await _parent.CreateBabyAsync())["id"]!.GetValue<string>();
        var response = await _parent.Client.GetAsync($"/v1/babies/{babyId}/growth/chart?indicator=height-for-weight");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "indicator");
    }
}
