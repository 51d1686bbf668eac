using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Http;

/// <summary>GET gives an ETag; PATCH and DELETE with a stale If-Match are 412 and change nothing.</summary>
public sealed class ConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    private static async Task<string> ETagAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"GET {url} has no ETag.");
    }

    private static async Task AssertPatchHonoursIfMatchAsync(HttpClient client, string url, object firstChange, object secondChange)
    {
        var original = await ETagAsync(client, url);
        var changed = await client.SendJsonAsync(HttpMethod.Patch, url, firstChange, ifMatch: original);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var current = changed.Headers.ETag?.ToString();
        Assert.NotNull(current);
        Assert.NotEqual(original, current);
        Assert.Equal(current, await ETagAsync(client, url));

        var stale = await client.SendJsonAsync(HttpMethod.Patch, url, secondChange, ifMatch: original);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(current, await ETagAsync(client, url));
    }

    private static async Task AssertDeleteHonoursIfMatchAsync(HttpClient client, string url, object change)
    {
        var original = await ETagAsync(client, url);
        var patched = await client.SendJsonAsync(HttpMethod.Patch, url, change);
        var current = patched.Headers.ETag!.ToString();

        await (await client.SendJsonAsync(HttpMethod.Delete, url, ifMatch: original)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var delete = await client.SendJsonAsync(HttpMethod.Delete, url, ifMatch: current);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task A_baby_patch_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();

        await AssertPatchHonoursIfMatchAsync(user.Client, $"/v1/babies/{id}", new { name = "First" }, new { name = "Second" });

        Assert.Equal("First", (await user.Client.GetJsonAsync($"/v1/babies/{id}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_baby_delete_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();

        await AssertDeleteHonoursIfMatchAsync(user.Client, $"/v1/babies/{id}", new { name = "Renamed" });

        await (await user.Client.GetAsync($"/v1/babies/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_measurement_patch_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4 })).Id();

        await AssertPatchHonoursIfMatchAsync(user.Client, $"/v1/babies/{babyId}/measurements/{id}", new { weightKg = 4.1 }, new { weightKg = 4.4 });

        Assert.Equal(4.1, (await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements/{id}"))["weightKg"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_measurement_delete_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();
        var url = $"/v1/babies/{babyId}/measurements/{(await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4 })).Id()}";

        await AssertDeleteHonoursIfMatchAsync(user.Client, url, new { weightKg = 4.2 });

        await (await user.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_profile_patch_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        var user = await _factory.SignUpAsync();

        await AssertPatchHonoursIfMatchAsync(user.Client, "/v1/me", new { displayName = "First" }, new { displayName = "Second" });

        Assert.Equal("First", (await user.Client.GetJsonAsync("/v1/me"))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_delete_with_a_stale_if_match_is_412_and_with_the_current_one_succeeds()
    {
        var user = await _factory.SignUpAsync();

        await AssertDeleteHonoursIfMatchAsync(user.Client, "/v1/me", new { displayName = "Renamed" });

        Assert.NotNull((await user.Client.GetJsonAsync("/v1/me"))["deletedAt"]);
    }

    [Theory]
    [InlineData("\"not-a-version\"")]
    [InlineData("garbage")]
    [InlineData("\"99\"")]
    public async Task An_if_match_that_names_no_current_version_is_412(string ifMatch)
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{id}", new { name = "x" }, ifMatch: ifMatch);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task If_match_star_and_no_if_match_write_unconditionally()
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{id}", new { name = "A" }, ifMatch: "*")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{id}", new { name = "B" })).StatusCode);
        Assert.Equal(3, (await user.Client.GetJsonAsync($"/v1/babies/{id}"))["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Of_two_racing_patches_with_the_same_if_match_exactly_one_wins()
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();
        var url = $"/v1/babies/{id}";

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            user.Client.SendJsonAsync(HttpMethod.Patch, url, new { name = $"Writer {i}" }, ifMatch: "\"1\"")));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal(2, (await user.Client.GetJsonAsync(url))["version"]!.GetValue<long>());
    }
}
