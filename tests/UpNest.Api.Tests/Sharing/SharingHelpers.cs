using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Sharing;

public static class SharingHelpers
{
    public static async Task<string> InviteAsync(this TestUser owner, string babyId, string role, string? email = null)
    {
        var response = await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/invitations", new { email, role });
        var json = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Inviting failed: {(int)response.StatusCode} {json}");
        }
        return JsonNode.Parse(json)!["code"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> AcceptAsync(this TestUser user, string code) =>
        user.Client.PostAsync($"/v1/invitations/{code}/accept", null);

    /// <summary>Invites and accepts in one go: the user now holds the role on the baby.</summary>
    public static async Task ShareWithAsync(this TestUser owner, string babyId, TestUser user, string role)
    {
        var accepted = await user.AcceptAsync(await owner.InviteAsync(babyId, role));
        accepted.EnsureSuccessStatusCode();
    }
}
