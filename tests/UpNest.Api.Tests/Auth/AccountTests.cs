using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

public sealed class AccountTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    private static string NewEmail() => $"parent-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Register_answers_201_with_the_account_and_its_location()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = NewEmail(), password = TestUsers.Password, displayName = "Sam" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/me", response.Headers.Location?.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(body.Id()));
        Assert.Equal("Sam", body["displayName"]!.GetValue<string>());
        Assert.False(body.ContainsKey("password") || body.ContainsKey("passwordHash"));
    }

    [Fact]
    public async Task The_email_is_stored_trimmed_and_lower_case()
    {
        using var client = _factory.CreateClient();
        var email = NewEmail();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = "  " + email.ToUpperInvariant() + " ", password = TestUsers.Password, displayName = "Sam" });

        Assert.Equal(email, (await response.ReadJsonAsync())["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_email_in_other_capitals_is_409()
    {
        using var client = _factory.CreateClient();
        var email = NewEmail();
        (await client.PostAsJsonAsync("/v1/auth/register", new { email, password = TestUsers.Password, displayName = "One" })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/v1/auth/register", new { email = email.ToUpperInvariant(), password = TestUsers.Password, displayName = "Two" });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("")]
    public async Task A_weak_password_is_400_on_the_password_field(string password)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = NewEmail(), password, displayName = "Sam" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task A_password_equal_to_the_email_is_400()
    {
        using var client = _factory.CreateClient();
        var email = NewEmail();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new { email, password = email, displayName = "Sam" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task An_invalid_email_and_a_missing_name_are_400_with_both_fields()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = "not an email", password = TestUsers.Password });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("displayName"));
    }

    [Fact]
    public async Task Login_returns_a_15_minute_rs256_bearer_token_and_a_refresh_token()
    {
        var user = await _factory.SignUpAsync();
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.Equal(900, body["expiresIn"]!.GetValue<int>());
        var token = body["accessToken"]!.GetValue<string>();
        var header = TestTokens.Header(token);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));
        var claims = TestTokens.Payload(token);
        Assert.Equal("upnest", claims.GetProperty("iss").GetString());
        Assert.Equal("upnest-api", claims.GetProperty("aud").GetString());
        Assert.Equal(user.Id, claims.GetProperty("sub").GetString());
        Assert.Equal(900, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.Equal(3, body["refreshToken"]!.GetValue<string>().Split('.').Length);
    }

    [Fact]
    public async Task Login_accepts_the_email_in_other_capitals()
    {
        var user = await _factory.SignUpAsync();
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email.ToUpperInvariant(), password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_identical_401_problems()
    {
        var user = await _factory.SignUpAsync();
        using var client = _factory.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = "not the password at all" });
        var unknownEmail = await client.PostAsJsonAsync("/v1/auth/login", new { email = NewEmail(), password = user.Password });

        await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var (a, b) = (await wrongPassword.ReadJsonAsync(), await unknownEmail.ReadJsonAsync());
        foreach (var field in new[] { "status", "title", "detail", "type" })
        {
            Assert.Equal(a[field]?.ToJsonString(), b[field]?.ToJsonString());
        }
        Assert.Equal(Keys(a), Keys(b));
        Assert.NotNull(a["detail"]);
    }

    [Fact]
    public async Task A_login_without_a_body_field_is_401_not_500()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_make_one_account_and_409s()
    {
        var email = $"race-{Guid.NewGuid():N}@example.com";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var client = _factory.CreateClient();
            return await client.SendJsonAsync(HttpMethod.Post, "/v1/auth/register",
                new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = TestUsers.Password, displayName = $"Racer {i}" });
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    private static string[] Keys(JsonObject o) => o.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
}
