using System.Net;
using System.Net.Http.Json;
using System.Text;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Http;

/// <summary>Every error is RFC 9457 problem+json; bad input is 4xx, never 500.</summary>
public sealed class ProblemDetailsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task A_validation_problem_has_title_status_and_an_errors_map_by_field()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", """{"name": "", "sex": "x", "dateOfBirth": "soon"}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "sex");
        var problem = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("dateOfBirth"));
        Assert.All(errors, e => Assert.NotEmpty(e.Value!.AsArray()));
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var user = await _factory.SignUpAsync();

        await (await user.Client.GetAsync("/v1/nothing-here")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var user = await _factory.SignUpAsync();

        await (await user.Client.PutAsJsonAsync("/v1/me", new { })).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("/v1/babies", "{\"name\": ")]
    [InlineData("/v1/babies", "{\"name\": \"Mia\",}")]
    [InlineData("/v1/auth/login", "{\"email\": ")]
    [InlineData("/v1/auth/register", "[]")]
    [InlineData("/v1/auth/refresh", "{\"refreshToken\": 42}")]
    public async Task Malformed_or_mistyped_json_is_400_on_every_kind_of_endpoint(string url, string body)
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, url, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_body_is_400_not_500()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", "");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_plain_text_body_is_415()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", "name=Mia", "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await user.Client.GetJsonAsync("/v1/babies"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_plain_text_login_is_415()
    {
        using var client = _factory.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Post, "/v1/auth/login", "email=a@b.c", "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var user = await _factory.SignUpAsync();
        var huge = $$"""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "notes": "{{new string('x', 300 * 1024)}}"}""";

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", huge);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await user.Client.GetJsonAsync("/v1/babies"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var user = await _factory.SignUpAsync();
        var huge = Encoding.UTF8.GetBytes($$"""{"name": "Mia", "sex": "female", "dateOfBirth": "2026-01-15", "notes": "{{new string('x', 300 * 1024)}}"}""");
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/babies") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await user.Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await user.Client.GetJsonAsync("/v1/babies"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies",
            new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15", notes = new string('x', 3000) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_problem_for_a_malformed_body_leaks_no_exception_details()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", "{\"name\": [");

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_reader_allows_is_400_not_500()
    {
        var user = await _factory.SignUpAsync();
        var deep = "{\"name\": " + new string('[', 5000) + new string(']', 5000) + "}";

        var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/babies", deep);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400_not_500()
    {
        var user = await _factory.SignUpAsync();
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        var response = await user.Client.PostAsync("/v1/babies", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
