using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Api.Tests.Vaccinations;
using UpNest.Core.Babies;

namespace UpNest.Api.Tests.Milestones;

/// <summary>Milestones through HTTP: bands by (corrected) age, recording, custom ones, and who may write.</summary>
public sealed class MilestoneApiTests : IAsyncLifetime
{
    // 2026-07-01: a term baby born 2026-01-01 is 181 days (5.95 months) old.
    private readonly UpNestFactory _factory = new(clock: VaccinationTestKit.ClockAt(2026, 7, 1));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_term_baby_sees_the_bands_up_to_its_age_plus_the_next_and_the_who_motor_milestones()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();

        var list = await ListAsync(user, babyId);

        Assert.False(list["usesCorrectedAge"]!.GetValue<bool>());
        Assert.Equal([2, 4, 6], list["bands"]!.AsArray().Select(b => b!.GetValue<int>()).ToArray());
        var items = Items(list);
        Assert.Contains(items, m => m["key"]!.GetValue<string>() == "m2_smiles_back" && m["status"]!.GetValue<string>() == "expected"
            && m["mentionAtCheckUp"]!.GetValue<bool>());
        Assert.Equal(6, items.Count(m => m["source"]!.GetValue<string>() == "WHO"));
        Assert.All(items.Where(m => m["source"]!.GetValue<string>() == "WHO"), m => Assert.NotNull(m["windowStartMonths"]));
        Assert.DoesNotContain(items, m => m["key"]!.GetValue<string>().StartsWith("m9_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_preterm_baby_is_judged_by_corrected_age()
    {
        var user = await _factory.SignUpAsync();
        // Born at 28 weeks: 12 weeks early, so 181 days old is 97 days (3.2 months) corrected.
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01", extra: new { gestationalAgeWeeks = 28 })).Id();

        var list = await ListAsync(user, babyId);

        Assert.True(list["usesCorrectedAge"]!.GetValue<bool>());
        Assert.Equal(3.19m, list["ageMonths"]!.GetValue<decimal>());
        Assert.Equal(5.95m, list["chronologicalAgeMonths"]!.GetValue<decimal>());
        Assert.Equal([2, 4], list["bands"]!.AsArray().Select(b => b!.GetValue<int>()).ToArray());
        var fourMonths = Items(list).Where(m => m["key"]!.GetValue<string>().StartsWith("m4_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fourMonths);
        Assert.All(fourMonths, m => Assert.Equal("upcoming", m["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Recording_a_milestone_and_the_filters()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();

        var put = await user.Client.PutAsJsonAsync($"/v1/babies/{babyId}/milestones/who_sitting_without_support",
            new { achievedOn = "2026-06-20", note = "By the window" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var sitting = await put.ReadJsonAsync();
        Assert.Equal("achieved", sitting["status"]!.GetValue<string>());
        Assert.Equal("By the window", sitting["note"]!.GetValue<string>());
        Assert.True(sitting["achievedWithinWindow"]!.GetValue<bool>());
        Assert.Equal("\"1\"", put.Headers.ETag!.Tag);

        var achieved = Items(await ListAsync(user, babyId, "?status=achieved"));
        Assert.Equal(["who_sitting_without_support"], achieved.Select(m => m["key"]!.GetValue<string>()).ToArray());
        var language = Items(await ListAsync(user, babyId, "?domain=language-communication"));
        Assert.NotEmpty(language);
        Assert.All(language, m => Assert.Equal("language-communication", m["domain"]!.GetValue<string>()));

        var stale = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/babies/{babyId}/milestones/who_sitting_without_support",
            new { note = "x" }, ifMatch: "\"7\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Bad_dates_and_unknown_keys_are_refused()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();
        var url = $"/v1/babies/{babyId}/milestones";

        await (await user.Client.PutAsJsonAsync($"{url}/m2_smiles_back", new { achievedOn = "2026-07-02" })).AssertProblemAsync(HttpStatusCode.BadRequest, "achievedOn");
        await (await user.Client.PutAsJsonAsync($"{url}/m2_smiles_back", new { achievedOn = "2025-12-31" })).AssertProblemAsync(HttpStatusCode.BadRequest, "achievedOn");
        await (await user.Client.PutAsJsonAsync($"{url}/no_such_milestone", new { achievedOn = "2026-03-01" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Client.GetAsync($"{url}?domain=feelings")).AssertProblemAsync(HttpStatusCode.BadRequest, "domain");
        await (await user.Client.GetAsync($"{url}?status=late")).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Custom_milestones_are_created_listed_and_achieved()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();

        var post = await user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/milestones",
            new { title = "First swim", domain = "movement-physical", expectedAgeMonths = 8 });

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var custom = await post.ReadJsonAsync();
        var key = custom["key"]!.GetValue<string>();
        Assert.Equal($"/v1/babies/{babyId}/milestones/{key}", post.Headers.Location!.ToString());
        Assert.Equal("custom", custom["source"]!.GetValue<string>());
        Assert.Equal("upcoming", custom["status"]!.GetValue<string>());
        Assert.False(custom["mentionAtCheckUp"]!.GetValue<bool>());
        Assert.Contains(Items(await ListAsync(user, babyId)), m => m["key"]!.GetValue<string>() == key);

        var achieved = await (await user.Client.PutAsJsonAsync($"/v1/babies/{babyId}/milestones/{key}", new { achievedOn = "2026-06-30" })).ReadJsonAsync();
        Assert.Equal("achieved", achieved["status"]!.GetValue<string>());
        Assert.Equal("First swim", achieved["title"]!.GetValue<string>());

        await (await user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/milestones", new { domain = "cognitive" })).AssertProblemAsync(HttpStatusCode.BadRequest, "title");
        await (await user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/milestones", new { title = "Waves" })).AssertProblemAsync(HttpStatusCode.BadRequest, "domain");
    }

    [Fact]
    public async Task The_list_pages_by_cursor()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();
        var all = Items(await ListAsync(user, babyId, "?limit=200")).Select(m => m["key"]!.GetValue<string>()).ToList();

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(user, babyId, "?limit=7" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(Items(page).Select(m => m["key"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Viewers_read_milestones_but_get_403_on_writes()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();
        var viewer = await _factory.SignUpAsync();
        await _factory.GrantAsync(owner, babyId, viewer, Role.Viewer);

        Assert.NotEmpty(Items(await ListAsync(viewer, babyId)));
        await (await viewer.Client.PutAsJsonAsync($"/v1/babies/{babyId}/milestones/m2_smiles_back", new { achievedOn = "2026-03-01" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.PostAsJsonAsync($"/v1/babies/{babyId}/milestones", new { title = "Waves", domain = "cognitive" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonObject> ListAsync(TestUser user, string babyId, string query = "")
    {
        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/milestones{query}");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static List<JsonObject> Items(JsonObject list) => list["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
}
