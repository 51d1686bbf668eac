using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Measurements;

public sealed class MeasurementTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    private async Task<(TestUser User, string BabyId)> BabyAsync()
    {
        var user = await _factory.SignUpAsync();
        return (user, (await user.CreateBabyAsync(dateOfBirth: "2026-01-15")).Id());
    }

    [Fact]
    public async Task Recording_a_measurement_answers_201_with_location_and_etag()
    {
        var (user, babyId) = await BabyAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/babies/{babyId}/measurements",
            new { measuredOn = "2026-03-01", weightKg = 4.9, lengthCm = 56.5, headCircumferenceCm = 38.2, note = "clinic visit", source = "clinic" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var m = await response.ReadJsonAsync();
        Assert.Equal($"/v1/babies/{babyId}/measurements/{m.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(babyId, m["babyId"]!.GetValue<string>());
        Assert.Equal("2026-03-01", m["measuredOn"]!.GetValue<string>());
        Assert.Equal(4.9, m["weightKg"]!.GetValue<double>());
        Assert.Equal(56.5, m["lengthCm"]!.GetValue<double>());
        Assert.Null(m["heightCm"]);
        Assert.Equal(38.2, m["headCircumferenceCm"]!.GetValue<double>());
        Assert.Equal("clinic visit", m["note"]!.GetValue<string>());
        Assert.Equal(1, m["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_measurement_reads_back_as_recorded()
    {
        var (user, babyId) = await BabyAsync();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 4.9 })).Id();

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/measurements/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var m = await response.ReadJsonAsync();
        Assert.Equal(id, m.Id());
        Assert.Equal(4.9, m["weightKg"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_standing_height_is_returned_as_heightCm()
    {
        var (user, babyId) = await BabyAsync();

        var m = await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", heightCm = 57 });

        Assert.Equal(57, m["heightCm"]!.GetValue<double>());
        Assert.Null(m["lengthCm"]);
    }

    [Fact]
    public async Task Imperial_input_is_stored_in_si_units()
    {
        var (user, babyId) = await BabyAsync();

        var created = await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-01-20", weightLb = 7, weightOz = 8, lengthIn = 20, headCircumferenceIn = 14 });

        var m = await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements/{created.Id()}");
        Assert.Equal(3.4019, m["weightKg"]!.GetValue<double>());
        Assert.Equal(50.8, m["lengthCm"]!.GetValue<double>());
        Assert.Equal(35.56, m["headCircumferenceCm"]!.GetValue<double>());
        Assert.False(m.ContainsKey("weightLb"));
    }

    [Fact]
    public async Task Patching_a_measurement_changes_only_the_fields_sent()
    {
        var (user, babyId) = await BabyAsync();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 4.9, lengthCm = 56 })).Id();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/measurements/{id}", new { weightKg = 5.1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        var m = await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements/{id}");
        Assert.Equal(5.1, m["weightKg"]!.GetValue<double>());
        Assert.Equal(56, m["lengthCm"]!.GetValue<double>());
        Assert.Equal("2026-03-01", m["measuredOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_measurement_removes_it()
    {
        var (user, babyId) = await BabyAsync();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 4.9 })).Id();

        var delete = await user.Client.DeleteAsync($"/v1/babies/{babyId}/measurements/{id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements"))["items"]!.AsArray());
        await (await user.Client.DeleteAsync($"/v1/babies/{babyId}/measurements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_measurement_of_another_baby_of_the_same_user_is_404_under_the_wrong_baby()
    {
        var (user, babyId) = await BabyAsync();
        var otherBaby = (await user.CreateBabyAsync(name: "Twin")).Id();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 4.9 })).Id();

        await (await user.Client.GetAsync($"/v1/babies/{otherBaby}/measurements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Client.DeleteAsync($"/v1/babies/{otherBaby}/measurements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements/{id}")).StatusCode);
    }

    [Fact]
    public async Task Measurements_of_a_deleted_baby_are_404()
    {
        var (user, babyId) = await BabyAsync();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 4.9 })).Id();
        await user.Client.DeleteAsync($"/v1/babies/{babyId}");

        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stranger_gets_404_for_a_real_measurement_and_changes_nothing()
    {
        var (owner, babyId) = await BabyAsync();
        var stranger = await _factory.SignUpAsync();
        var url = $"/v1/babies/{babyId}/measurements/{(await owner.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 4.9 })).Id()}";

        await (await stranger.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.SendJsonAsync(HttpMethod.Patch, url, new { weightKg = 9 }, ifMatch: "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.SendJsonAsync(HttpMethod.Delete, url, ifMatch: "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);

        var kept = await owner.Client.GetJsonAsync(url);
        Assert.Equal(4.9, kept["weightKg"]!.GetValue<double>());
        Assert.Equal(1, kept["version"]!.GetValue<long>());
    }
}
