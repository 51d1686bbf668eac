using System.Net;
using System.Text;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Me;

public sealed class ProfileTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task Get_me_shows_the_profile_with_defaults_and_an_etag()
    {
        var user = await _factory.SignUpAsync(displayName: "Robin");

        var response = await user.Client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var me = await response.ReadJsonAsync();
        Assert.Equal(user.Id, me.Id());
        Assert.Equal(user.Email, me["email"]!.GetValue<string>());
        Assert.Equal("Robin", me["displayName"]!.GetValue<string>());
        Assert.Equal("UTC", me["timeZone"]!.GetValue<string>());
        Assert.Equal("metric", me["units"]!.GetValue<string>());
        Assert.Null(me["country"]);
        Assert.Null(me["locale"]);
        Assert.True(DateTimeOffset.TryParse(me["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Patch_me_updates_every_profile_field()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me",
            new { displayName = "Alex", timeZone = "Europe/London", units = "imperial", country = "gb", locale = "en-GB" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        var me = await user.Client.GetJsonAsync("/v1/me");
        Assert.Equal("Alex", me["displayName"]!.GetValue<string>());
        Assert.Equal("Europe/London", me["timeZone"]!.GetValue<string>());
        Assert.Equal("imperial", me["units"]!.GetValue<string>());
        Assert.Equal("GB", me["country"]!.GetValue<string>());
        Assert.Equal("en-GB", me["locale"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_me_leaves_absent_fields_alone_and_null_clears()
    {
        var user = await _factory.SignUpAsync(displayName: "Kim");
        await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { country = "NZ", locale = "en-NZ" });

        var response = await user.Client.SendRawAsync(HttpMethod.Patch, "/v1/me", """{"country": null}""", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadJsonAsync();
        Assert.Null(me["country"]);
        Assert.Equal("en-NZ", me["locale"]!.GetValue<string>());
        Assert.Equal("Kim", me["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("America/Los_Angeles")]
    public async Task Iana_time_zones_are_accepted(string zone)
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { timeZone = zone });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(zone, (await response.ReadJsonAsync())["timeZone"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"timeZone": "Mars/Olympus_Mons"}""", "timeZone")]
    [InlineData("""{"timeZone": "Pacific Standard Time"}""", "timeZone")]
    [InlineData("""{"timeZone": 5}""", "timeZone")]
    [InlineData("""{"units": "stones"}""", "units")]
    [InlineData("""{"units": "Metric"}""", "units")]
    [InlineData("""{"units": null}""", "units")]
    [InlineData("""{"country": "GBR"}""", "country")]
    [InlineData("""{"locale": "english please"}""", "locale")]
    [InlineData("""{"displayName": ""}""", "displayName")]
    [InlineData("""{"displayName": null}""", "displayName")]
    [InlineData("""{"displayName": ["a"]}""", "displayName")]
    public async Task An_invalid_profile_field_is_400_naming_it(string body, string field)
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Patch, "/v1/me", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal("\"1\"", (await user.Client.GetAsync("/v1/me")).Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_display_name_over_100_characters_is_400()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { displayName = new string('x', 101) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "displayName");
    }

    [Fact]
    public async Task Patch_me_with_a_plain_text_body_is_415()
    {
        var user = await _factory.SignUpAsync();
        using var content = new StringContent("timeZone=UTC", Encoding.UTF8, "text/plain");

        var response = await user.Client.PatchAsync("/v1/me", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
