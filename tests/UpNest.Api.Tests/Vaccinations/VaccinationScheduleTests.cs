using System.Net.Http.Json;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Api.Tests.Vaccinations;

/// <summary>A baby's doses are planned from its schedule, and their status follows the clock.</summary>
public sealed class VaccinationScheduleTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(clock: VaccinationTestKit.ClockAt(2026, 3, 2));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(null, "2026-01-01", "US")]
    [InlineData(null, "2024-02-29", "US")]
    [InlineData("GB", "2026-01-01", "UK")]
    [InlineData("GB", "2025-06-30", "UK")]
    [InlineData("KE", "2026-01-01", "WHO")]
    [InlineData("IN", "2025-11-15", "WHO")]
    public async Task A_new_baby_gets_every_dose_of_its_countrys_schedule(string? country, string dateOfBirth, string schedule)
    {
        var user = await _factory.SignUpAsync();
        var baby = await user.CreateBabyAsync(dateOfBirth: dateOfBirth, extra: country is null ? null : new { country });

        var doses = await user.DosesAsync(baby.Id());

        var expected = VaccinationPlanner.Plan(DateOnly.Parse(dateOfBirth), ScheduleCatalog.All.Single(s => s.Id == schedule));
        Assert.Equal(expected.Count, doses.Count);
        foreach (var planned in expected)
        {
            var dose = doses.Single(d => d["vaccine"]!.GetValue<string>() == planned.Vaccine && d["doseNumber"]!.GetValue<int>() == planned.DoseNumber);
            Assert.Equal(schedule, dose["schedule"]!.GetValue<string>());
            Assert.Equal(planned.DueOn.ToString("yyyy-MM-dd"), dose["dueOn"]!.GetValue<string>());
            Assert.Equal(planned.EarliestOn.ToString("yyyy-MM-dd"), dose["earliestOn"]!.GetValue<string>());
            Assert.Equal(planned.OverdueOn?.ToString("yyyy-MM-dd"), dose["overdueOn"]?.GetValue<string>());
        }
        var dueDates = doses.Select(d => d["dueOn"]!.GetValue<string>()).ToList();
        Assert.Equal(dueDates.Order(StringComparer.Ordinal), dueDates);
    }

    [Fact]
    public async Task A_baby_without_a_country_follows_the_owners_profile_country()
    {
        var user = await _factory.SignUpAsync();
        (await user.Client.PatchAsJsonAsync("/v1/me", new { country = "GB" })).EnsureSuccessStatusCode();
        var baby = await user.CreateBabyAsync(dateOfBirth: "2026-01-01");

        var list = await (await user.Client.GetAsync($"/v1/babies/{baby.Id()}/vaccinations")).ReadJsonAsync();

        Assert.Equal("UK", list["schedule"]!["id"]!.GetValue<string>());
        Assert.Equal(ScheduleCatalog.Uk.Name, list["schedule"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statuses_move_from_upcoming_to_due_to_overdue_and_rotavirus_lapses_past_its_maximum_age()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01"))["id"]!.GetValue<string>();
        var birth = new DateOnly(2026, 1, 1);

        user = await _factory.MoveToAsync(user, birth.AddDays(60));
        Assert.Equal("upcoming", (await user.DoseAsync(babyId, "DTaP.1")).Status());
        Assert.Equal("overdue", (await user.DoseAsync(babyId, "HepB.1")).Status());

        user = await _factory.MoveToAsync(user, birth.AddDays(61));
        Assert.Equal("due", (await user.DoseAsync(babyId, "DTaP.1")).Status());
        Assert.Equal("due", (await user.DoseAsync(babyId, "RV.1")).Status());

        // Rotavirus dose 1 must be given before 15 weeks (last day: birth + 104): after that the series lapses.
        user = await _factory.MoveToAsync(user, birth.AddDays(104));
        Assert.Equal("due", (await user.DoseAsync(babyId, "RV.1")).Status());
        user = await _factory.MoveToAsync(user, birth.AddDays(105));
        Assert.Equal("not-applicable", (await user.DoseAsync(babyId, "RV.1")).Status());
        Assert.Equal("not-applicable", (await user.DoseAsync(babyId, "RV.2")).Status());
        Assert.Equal("due", (await user.DoseAsync(babyId, "DTaP.1")).Status());

        user = await _factory.MoveToAsync(user, birth.AddDays(119));
        Assert.Equal("overdue", (await user.DoseAsync(babyId, "DTaP.1")).Status());

        var overdue = await user.DosesAsync(babyId, "overdue");
        Assert.Contains(overdue, d => d["id"]!.GetValue<string>() == "HepB.1");
        Assert.All(overdue, d => Assert.Equal("overdue", d.Status()));
    }

    [Fact]
    public async Task Changing_the_date_of_birth_replans_and_keeps_what_was_given()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01"))["id"]!.GetValue<string>();
        (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-02" })).EnsureSuccessStatusCode();

        var patch = await user.Client.PatchAsJsonAsync($"/v1/babies/{babyId}", new { dateOfBirth = "2026-01-02" });
        patch.EnsureSuccessStatusCode();

        var hepB1 = await user.DoseAsync(babyId, "HepB.1");
        Assert.Equal("completed", hepB1.Status());
        Assert.Equal("2026-01-02", hepB1["givenOn"]!.GetValue<string>());
        Assert.Equal("2026-01-02", hepB1["dueOn"]!.GetValue<string>());
        Assert.Equal("2026-02-01", (await user.DoseAsync(babyId, "HepB.2"))["dueOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/vaccinations?status=late");

        await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "status");
    }
}
