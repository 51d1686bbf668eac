using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Babies;

public sealed class BabyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task Creating_a_baby_answers_201_with_location_etag_and_the_owner_role()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new
        {
            name = "Mia", sex = "female", dateOfBirth = "2026-01-15", gestationalAgeWeeks = 38, gestationalAgeDays = 3,
            birthWeightKg = 3.2, birthLengthCm = 49.5, birthHeadCircumferenceCm = 34, country = "us",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var baby = await response.ReadJsonAsync();
        Assert.Equal($"/v1/babies/{baby.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal("Mia", baby["name"]!.GetValue<string>());
        Assert.Equal("female", baby["sex"]!.GetValue<string>());
        Assert.Equal("2026-01-15", baby["dateOfBirth"]!.GetValue<string>());
        Assert.Equal(38, baby["gestationalAgeWeeks"]!.GetValue<int>());
        Assert.Equal(3, baby["gestationalAgeDays"]!.GetValue<int>());
        Assert.Equal(3.2, baby["birthWeightKg"]!.GetValue<double>());
        Assert.Equal("US", baby["country"]!.GetValue<string>());
        Assert.Equal("owner", baby["role"]!.GetValue<string>());
        Assert.Equal(1, baby["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_created_baby_can_be_read_back_and_is_listed()
    {
        var user = await _factory.SignUpAsync();
        var created = await user.CreateBabyAsync(name: "Noa", sex: "male", dateOfBirth: "2025-12-01");

        var read = await user.Client.GetAsync($"/v1/babies/{created.Id()}");
        var list = await user.Client.GetJsonAsync("/v1/babies");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
        var baby = await read.ReadJsonAsync();
        Assert.Equal("Noa", baby["name"]!.GetValue<string>());
        Assert.Equal("male", baby["sex"]!.GetValue<string>());
        Assert.Equal(created.Id(), Assert.Single(list["items"]!.AsArray())!.AsObject().Id());
        Assert.Null(list["nextCursor"]);
    }

    [Fact]
    public async Task A_baby_takes_the_users_country_when_none_is_given()
    {
        var user = await _factory.SignUpAsync();
        await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { country = "DE" });

        var baby = await user.CreateBabyAsync();

        Assert.Equal("DE", baby["country"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patching_a_baby_changes_only_the_fields_sent_and_bumps_the_version()
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync(name: "Mia", extra: new { birthWeightKg = 3.1, notes = "born at home" })).Id();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{id}", new { name = "Mia Rose", birthWeightKg = (double?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        var baby = await user.Client.GetJsonAsync($"/v1/babies/{id}");
        Assert.Equal("Mia Rose", baby["name"]!.GetValue<string>());
        Assert.Null(baby["birthWeightKg"]);
        Assert.Equal("2026-01-15", baby["dateOfBirth"]!.GetValue<string>());
        Assert.Equal("born at home", baby["notes"]!.GetValue<string>());
        Assert.Equal(2, baby["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"sex": null}""", "sex")]
    [InlineData("""{"dateOfBirth": null}""", "dateOfBirth")]
    [InlineData("""{"sex": "other"}""", "sex")]
    [InlineData("""{"birthWeightKg": 70}""", "birthWeightKg")]
    public async Task A_patch_that_would_make_the_baby_invalid_is_400(string body, string field)
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();

        var response = await user.Client.SendRawAsync(HttpMethod.Patch, $"/v1/babies/{id}", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(1, (await user.Client.GetJsonAsync($"/v1/babies/{id}"))["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Deleting_a_baby_hides_it_and_restore_brings_it_back()
    {
        var user = await _factory.SignUpAsync();
        var id = (await user.CreateBabyAsync()).Id();

        var delete = await user.Client.DeleteAsync($"/v1/babies/{id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await (await user.Client.GetAsync($"/v1/babies/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await user.Client.GetJsonAsync("/v1/babies"))["items"]!.AsArray());

        var restore = await user.Client.PostAsync($"/v1/babies/{id}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Null((await restore.ReadJsonAsync())["deletedAt"]);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/v1/babies/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_baby_is_404()
    {
        var user = await _factory.SignUpAsync();

        await (await user.Client.GetAsync("/v1/babies/does-not-exist")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/babies/does-not-exist", new { name = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await user.Client.DeleteAsync("/v1/babies/does-not-exist")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_baby_without_name_sex_or_birth_date_is_400_naming_all_three()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", "{}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("sex"));
        Assert.True(errors.ContainsKey("dateOfBirth"));
    }

    [Theory]
    [InlineData("""{"name": "Mia", "sex": "unknown", "dateOfBirth": "2026-01-15"}""", "sex")]
    [InlineData("""{"name": "Mia", "sex": "FEMALE", "dateOfBirth": "2026-01-15"}""", "sex")]
    [InlineData("""{"name": "Mia", "sex": 2, "dateOfBirth": "2026-01-15"}""", "sex")]
    [InlineData("""{"name": 42, "sex": "female", "dateOfBirth": "2026-01-15"}""", "name")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "15/01/2026"}""", "dateOfBirth")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-02-30"}""", "dateOfBirth")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": 20260115}""", "dateOfBirth")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2999-01-01"}""", "dateOfBirth")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "1990-01-01"}""", "dateOfBirth")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "gestationalAgeWeeks": 38.5}""", "gestationalAgeWeeks")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "gestationalAgeWeeks": 12}""", "gestationalAgeWeeks")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "gestationalAgeDays": 3}""", "gestationalAgeDays")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "birthWeightKg": "3.2"}""", "birthWeightKg")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "birthWeightKg": -1}""", "birthWeightKg")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "birthWeightKg": 1e308}""", "birthWeightKg")]
    [InlineData("""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "country": "USA"}""", "country")]
    public async Task An_invalid_baby_is_400_naming_the_field(string body, string field)
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await user.Client.GetJsonAsync("/v1/babies"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_name_over_100_characters_is_400()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = new string('n', 101), sex = "male", dateOfBirth = "2026-01-15" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }
}
