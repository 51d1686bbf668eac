using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>A signed-in test user: an HttpClient that carries a real bearer token from the real login.</summary>
public sealed record TestUser(string Id, string Email, string Password, HttpClient Client, string AccessToken, string RefreshToken);

public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    public static async Task<TestUser> SignUpAsync(this UpNestFactory factory, string? email = null, string displayName = "Test Parent")
    {
        email ??= $"parent-{Guid.NewGuid():N}@example.com";
        using var anonymous = factory.CreateClient();
        var register = await anonymous.PostAsJsonAsync("/v1/auth/register", new { email, password = Password, displayName });
        register.EnsureSuccessStatusCode();
        var id = (await register.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var tokens = await LoginAsync(anonymous, email, Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new TestUser(id, email, Password, client, tokens.AccessToken, tokens.RefreshToken);
    }

    /// <summary>Logs in again (after the test clock moved past the 15-minute token) and re-arms the client.</summary>
    public static async Task ReauthenticateAsync(this TestUser user, UpNestFactory factory)
    {
        using var anonymous = factory.CreateClient();
        var (access, _) = await LoginAsync(anonymous, user.Email, user.Password);
        user.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
    }

    public static async Task<(string AccessToken, string RefreshToken)> LoginAsync(HttpClient client, string email, string password)
    {
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonObject>();
        return (body!["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>());
    }

    public static async Task<JsonObject> CreateBabyAsync(this TestUser user, string name = "Mia", string sex = "female",
        string dateOfBirth = "2026-01-15", object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(new { name, sex, dateOfBirth })!.AsObject();
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }
        var response = await user.Client.PostAsJsonAsync("/v1/babies", body);
        var json = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating a baby failed: {(int)response.StatusCode} {json}");
        }
        return JsonNode.Parse(json)!.AsObject();
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
