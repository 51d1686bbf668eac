using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Http;

/// <summary>A POST repeated with the same Idempotency-Key returns the first response and stores nothing new.</summary>
public sealed class IdempotencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        (await client.GetJsonAsync(url))["items"]!.AsArray().Count;

    [Fact]
    public async Task A_repeated_baby_post_returns_the_first_response_and_stores_one_baby()
    {
        var user = await _factory.SignUpAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" };

        var first = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: key);
        var repeat = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(1, await CountAsync(user.Client, "/v1/babies"));
    }

    [Fact]
    public async Task A_repeated_measurement_post_stores_one_measurement()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();
        var url = $"/v1/babies/{babyId}/measurements";
        var body = new { measuredOn = "2026-02-01", weightKg = 4.2 };

        var first = await user.Client.SendJsonAsync(HttpMethod.Post, url, body, idempotencyKey: "visit-2026-02-01");
        var repeat = await user.Client.SendJsonAsync(HttpMethod.Post, url, body, idempotencyKey: "visit-2026-02-01");

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).Id(), (await repeat.ReadJsonAsync()).Id());
        Assert.Equal(1, await CountAsync(user.Client, url));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_409_and_stores_nothing()
    {
        var user = await _factory.SignUpAsync();
        var key = Guid.NewGuid().ToString();
        await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" }, idempotencyKey: key);

        var other = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = "Noa", sex = "male", dateOfBirth = "2026-01-15" }, idempotencyKey: key);

        await other.AssertProblemAsync(HttpStatusCode.Conflict);
        var names = (await user.Client.GetJsonAsync("/v1/babies"))["items"]!.AsArray().Select(b => b!["name"]!.GetValue<string>());
        Assert.Equal(["Mia"], names);
    }

    [Fact]
    public async Task The_same_key_on_another_route_is_409()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();
        await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.2 }, idempotencyKey: "k1");

        var other = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = "Noa", sex = "male", dateOfBirth = "2026-01-15" }, idempotencyKey: "k1");

        await other.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Different_keys_create_different_resources()
    {
        var user = await _factory.SignUpAsync();
        var body = new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" };

        await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: "one");
        await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: "two");

        Assert.Equal(2, await CountAsync(user.Client, "/v1/babies"));
    }

    [Fact]
    public async Task Keys_belong_to_their_user()
    {
        var a = await _factory.SignUpAsync();
        var b = await _factory.SignUpAsync();
        var body = new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" };

        var first = await a.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: "shared-key");
        var second = await b.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: "shared-key");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual((await first.ReadJsonAsync()).Id(), (await second.ReadJsonAsync()).Id());
        Assert.Equal(1, await CountAsync(b.Client, "/v1/babies"));
    }

    [Fact]
    public async Task A_failed_post_is_not_remembered_so_a_corrected_retry_with_the_same_key_works()
    {
        var user = await _factory.SignUpAsync();

        var invalid = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = "Mia", sex = "female" }, idempotencyKey: "retry-me");
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "dateOfBirth");

        var corrected = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" }, idempotencyKey: "retry-me");

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await CountAsync(user.Client, "/v1/babies"));
    }

    [Fact]
    public async Task A_key_with_control_characters_or_over_200_characters_is_400()
    {
        var user = await _factory.SignUpAsync();
        var body = new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" };

        await (await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: new string('k', 201))).AssertProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(0, await CountAsync(user.Client, "/v1/babies"));
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_post_store_one_baby()
    {
        var user = await _factory.SignUpAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", body, idempotencyKey: key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).Id()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountAsync(user.Client, "/v1/babies"));
    }
}
