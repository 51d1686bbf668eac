using System.Net;
using Microsoft.Extensions.Time.Testing;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Babies;

/// <summary>"In the future" means after today where the user lives.</summary>
public sealed class BirthDateTimeZoneTests : IAsyncLifetime
{
    // 12:00 UTC on 10 March is already 02:00 on 11 March in Kiritimati (UTC+14).
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly UpNestFactory _factory = new(clock: new FakeTimeProvider(Noon));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_birth_today_in_kiritimati_is_accepted_though_it_is_tomorrow_in_utc()
    {
        var user = await _factory.SignUpAsync();
        var baby = new { name = "Tui", sex = "male", dateOfBirth = "2026-03-11" };

        var asUtcUser = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", baby);
        await asUtcUser.AssertProblemAsync(HttpStatusCode.BadRequest, "dateOfBirth");

        var zone = await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { timeZone = "Pacific/Kiritimati" });
        Assert.Equal(HttpStatusCode.OK, zone.StatusCode);

        var asKiritimatiUser = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", baby);
        Assert.Equal(HttpStatusCode.Created, asKiritimatiUser.StatusCode);
        Assert.Equal("2026-03-11", (await asKiritimatiUser.ReadJsonAsync())["dateOfBirth"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_day_after_today_in_kiritimati_is_still_the_future()
    {
        var user = await _factory.SignUpAsync();
        await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { timeZone = "Pacific/Kiritimati" });

        var response = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/babies", new { name = "Tui", sex = "male", dateOfBirth = "2026-03-12" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "dateOfBirth");
    }

    [Fact]
    public async Task A_measurement_today_in_kiritimati_is_accepted_though_it_is_tomorrow_in_utc()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-03-01")).Id();
        var url = $"/v1/babies/{babyId}/measurements";
        var measurement = new { measuredOn = "2026-03-11", weightKg = 3.6 };

        await (await user.Client.SendJsonAsync(HttpMethod.Post, url, measurement)).AssertProblemAsync(HttpStatusCode.BadRequest, "measuredOn");

        await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { timeZone = "Pacific/Kiritimati" });

        Assert.Equal(HttpStatusCode.Created, (await user.Client.SendJsonAsync(HttpMethod.Post, url, measurement)).StatusCode);
    }
}
