using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Babies;

namespace UpNest.Api.Tests.Vaccinations;

/// <summary>Helpers for tests that move the clock and read doses.</summary>
public static class VaccinationTestKit
{
    /// <summary>Noon UTC, so "today" is the same day for a UTC user whatever the test does.</summary>
    public static FakeTimeProvider ClockAt(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Moves the clock to noon of a day; access tokens live 15 minutes, so the user signs in again.</summary>
    public static async Task<TestUser> MoveToAsync(this UpNestFactory factory, TestUser user, DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        // The fake clock only moves forward, as time does; tests visit days in order.
        factory.Clock!.SetUtcNow(target);
        var (access, refresh) = await TestUsers.LoginAsync(factory.CreateClient(), user.Email, user.Password);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return user with { Client = client, AccessToken = access, RefreshToken = refresh };
    }

    public static async Task<List<JsonObject>> DosesAsync(this TestUser user, string babyId, string? status = null)
    {
        var url = $"/v1/babies/{babyId}/vaccinations?limit=200" + (status is null ? "" : "&status=" + status);
        var response = await user.Client.GetAsync(url);
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    public static async Task<JsonObject> DoseAsync(this TestUser user, string babyId, string doseId) =>
        (await user.DosesAsync(babyId)).Single(d => d["id"]!.GetValue<string>() == doseId);

    public static string Status(this JsonObject dose) => dose["status"]!.GetValue<string>();

    public static Task<HttpResponseMessage> RecordDoseAsync(this TestUser user, string babyId, object body) =>
        user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/vaccinations", body);

    /// <summary>Shares the baby with another user through the store, as the sharing routes would.</summary>
    public static async Task GrantAsync(this UpNestFactory factory, TestUser owner, string babyId, TestUser other, Role role)
    {
        var babies = factory.Services.GetRequiredService<IBabyStore>();
        var access = await factory.Services.GetRequiredService<BabyAuthorizer>().AuthorizeAsync(owner.Id, babyId, Role.Owner, CancellationToken.None);
        await babies.PutGrantAsync(access, new AccessGrant
        {
            BabyId = babyId, UserId = other.Id, Role = role, Since = DateTimeOffset.UtcNow, GrantedBy = owner.Id,
        }, CancellationToken.None);
    }
}
