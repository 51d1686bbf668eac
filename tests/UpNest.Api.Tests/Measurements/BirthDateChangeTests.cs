using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Measurements;

public sealed class BirthDateChangeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task The_birth_date_cannot_move_past_a_recorded_measurement()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-15")).Id();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.2, lengthCm = 54 })).Id();

        var patch = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}", new { dateOfBirth = "2026-03-01" });

        await patch.AssertProblemAsync(HttpStatusCode.BadRequest, "dateOfBirth");
        Assert.Equal("2026-01-15", (await user.Client.GetJsonAsync($"/v1/babies/{babyId}"))["dateOfBirth"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_birth_date_can_move_up_to_the_first_measurement()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-15")).Id();
        await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.2 });

        var later = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}", new { dateOfBirth = "2026-02-01" });
        var earlier = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}", new { dateOfBirth = "2026-01-01" });

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }
}
