using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UpNest.Api.Tests.Security;

/// <summary>
/// Malformed bodies and parameters against every route the app maps (read from its route table):
/// nothing may answer 5xx, and nothing may be stored.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Every field name the API reads anywhere: each fuzzed object sets all of them to bad values,
    // so whatever a route requires is present and wrong.
    private static readonly string[] Fields =
    [
        "name", "sex", "dateOfBirth", "gestationalAgeWeeks", "gestationalAgeDays", "birthWeightKg", "birthLengthCm",
        "birthHeadCircumferenceCm", "country", "notes", "measuredOn", "weightKg", "weightLb", "weightOz", "lengthCm", "heightCm",
        "lengthIn", "heightIn", "lengthHeightCm", "headCircumferenceCm", "headCircumferenceIn", "armCircumferenceCm",
        "tricepsSkinfoldMm", "subscapularSkinfoldMm", "oedema", "note", "source", "email", "password", "displayName", "timeZone",
        "units", "locale", "refreshToken", "birthDate", "ageDays", "ageMonths", "vaccine", "doseNumber", "givenOn", "cvx", "product",
        "lotNumber", "site", "route", "provider", "status", "skipReason", "type", "severity", "onsetHours", "durationHours",
        "outcome", "careSought", "achievedOn", "title", "domain", "expectedAgeMonths", "role",
    ];

    private static readonly JsonNode?[] BadValues =
    [
        JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonValue.Create(long.MaxValue), JsonValue.Create(-1),
        JsonValue.Create(true), new JsonArray(1, "two", null), new JsonObject { ["$ref"] = "#" },
        JsonValue.Create(new string('\u202e', 70_000)), JsonValue.Create("9999-99-99"), JsonValue.Create("\u0000\ud83d\udca5\u200b"),
        JsonValue.Create("-5"), JsonValue.Create("NaN"),
    ];

    private readonly UpNestFactory _factory = new(new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "100000" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Malformed_bodies_and_parameters_never_cause_a_5xx_or_a_write()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync(dateOfBirth: "2025-06-01"))["id"]!.GetValue<string>();
        var before = await SnapshotAsync(owner, babyId);
        var random = new Random(20261125);
        var routes = RouteTable.Read(_factory.Services);
        var writes = routes.Where(r => r.HasBody && r.ReadsBody).ToList();
        Assert.Contains(writes, r => r.Pattern == "/v1/babies/{babyId}/measurements");

        var sent = 0;
        foreach (var route in writes)
        {
            foreach (var body in Bodies(random))
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(babyId))
                {
                    Content = new StringContent(body, Encoding.UTF8),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var response = await owner.Client.SendAsync(request);
                sent++;
                Assert.True((int)response.StatusCode < 500,
                    $"{route} answered {(int)response.StatusCode} to a {body.Length}-char body: {await response.Content.ReadAsStringAsync()}");
            }
        }
        foreach (var route in routes.Where(r => r.Method == "GET"))
        {
            foreach (var query in Queries())
            {
                var response = await owner.Client.GetAsync(route.Url(babyId) + query);
                sent++;
                Assert.True((int)response.StatusCode < 500, $"{route}{query} answered {(int)response.StatusCode}");
            }
        }
        output.WriteLine($"{sent} fuzzed requests over {writes.Count} write routes and {routes.Count(r => r.Method == "GET")} read routes");

        Assert.Equal(before, await SnapshotAsync(owner, babyId));
    }

    private static IEnumerable<string> Bodies(Random random)
    {
        yield return "";
        yield return "{";
        yield return "[1,2,3]";
        yield return "\"just a string\"";
        yield return "null";
        yield return "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}";
        yield return "{\"weightKg\": 1e999}";
        yield return "\u00ff\u00fe garbage \u0001";
        for (var i = 0; i < 16; i++)
        {
            var body = new JsonObject();
            foreach (var field in Fields)
            {
                body[field] = BadValues[random.Next(BadValues.Length)]?.DeepClone();
            }
            yield return body.ToJsonString();
        }
    }

    private static IEnumerable<string> Queries() =>
    [
        "?limit=-1", "?limit=abc", "?limit=99999999999", "?cursor=%00%ff", "?cursor=" + new string('A', 5000),
        "?from=2025-13-45&to=yesterday", "?withinDays=-7", "?withinDays=1e9", "?indicator=%F0%9F%92%A5", "?status=everything&domain=%00",
        "?from=9999-12-31&to=0001-01-01", "?format=exe", "?style=%3Cscript%3E",
    ];

    /// <summary>What a write would change: the lists and the versions a client sees.</summary>
    private static async Task<string> SnapshotAsync(TestUser owner, string babyId)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/v1/me", "/v1/babies", $"/v1/babies/{babyId}", $"/v1/babies/{babyId}/measurements?limit=200" })
        {
            var body = await (await owner.Client.GetAsync(path)).ReadJsonAsync();
            parts.Add(path + ":" + (body["items"] is JsonArray items ? $"{items.Count} items" : $"v{body["version"]}"));
        }
        return string.Join(" | ", parts);
    }
}
