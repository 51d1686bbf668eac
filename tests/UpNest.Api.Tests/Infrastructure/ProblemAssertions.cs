using System.Net;

namespace UpNest.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>The status, and an RFC 9457 body to go with it.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        if (field is not null)
        {
            Assert.True(body["errors"]?.AsObject().ContainsKey(field) == true, $"Expected an error for '{field}': {text}");
        }
    }
}
