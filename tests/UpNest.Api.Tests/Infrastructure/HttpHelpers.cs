using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>Small request builders so tests read as the HTTP exchange they check.</summary>
public static class HttpHelpers
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null,
        string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await SendAndBufferAsync(client, request);
    }

    /// <summary>A body sent exactly as given (malformed JSON, other media types).</summary>
    public static async Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        return await SendAndBufferAsync(client, request);
    }

    public static HttpClient ClientWithToken(this UpNestFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Id(this JsonObject resource) => resource["id"]!.GetValue<string>();

    public static async Task<JsonObject> CreateMeasurementAsync(this TestUser user, string babyId, object body)
    {
        var response = await user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", body);
        var json = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating a measurement failed: {(int)response.StatusCode} {json}");
        }
        return JsonNode.Parse(json)!.AsObject();
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var json = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} failed: {(int)response.StatusCode} {json}");
        }
        return JsonNode.Parse(json)!.AsObject();
    }

    private static async Task<HttpResponseMessage> SendAndBufferAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
