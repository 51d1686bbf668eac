using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Vaccinations;

/// <summary>The list route with CDSi: <c>asOf</c>, per-dose evaluation, per-group forecast, and records CDSi knows.</summary>
public sealed class CdsiForecastApiTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(clock: VaccinationTestKit.ClockAt(2026, 3, 20));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_dose_given_too_young_is_not_valid_and_its_dose_is_forecast_again_from_it()
    {
        var (user, babyId) = await NewBabyAsync();
        (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-02-12", cvx = "20" })).EnsureSuccessStatusCode();
        // 10 weeks - 5 days: one day short of dose 2's grace.
        (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-03-07", cvx = "20" })).EnsureSuccessStatusCode();

        var list = await ListAsync(user, babyId, "2026-03-20");

        Assert.Equal("2026-03-20", list["asOf"]!.GetValue<string>());
        var dose2 = Item(list, "DTaP.2");
        Assert.Equal("not-valid", dose2["evaluation"]!["status"]!.GetValue<string>());
        Assert.Equal("too-young", dose2["evaluation"]!["reason"]!.GetValue<string>());
        Assert.Equal("valid", Item(list, "DTaP.1")["evaluation"]!["status"]!.GetValue<string>());
        var dtap = Group(list, "DTaP/Tdap/Td");
        Assert.Equal("not-complete", dtap["seriesStatus"]!.GetValue<string>());
        Assert.Equal(2, dtap["doseNumber"]!.GetValue<int>());
        Assert.Equal("2026-04-04", dtap["earliestOn"]!.GetValue<string>());
        Assert.Equal("interval-from-previous", dtap["earliestFrom"]!.GetValue<string>());
        Assert.Equal("4 weeks", dtap["interval"]!.GetValue<string>());
        Assert.Contains("20", dtap["vaccines"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task AsOf_shows_the_record_and_forecast_as_they_stood_that_day()
    {
        var (user, babyId) = await NewBabyAsync();
        (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-02-12" })).EnsureSuccessStatusCode();
        (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-03-16" })).EnsureSuccessStatusCode();

        var before = await ListAsync(user, babyId, "2026-03-01");
        Assert.Null(Item(before, "DTaP.2")["givenOn"]);
        Assert.Null(Item(before, "DTaP.2")["evaluation"]);
        Assert.Equal("upcoming", Item(before, "DTaP.2").Status());
        Assert.Equal(2, Group(before, "DTaP/Tdap/Td")["doseNumber"]!.GetValue<int>());
        Assert.Equal("2026-03-12", Group(before, "DTaP/Tdap/Td")["earliestOn"]!.GetValue<string>());

        var today = await ListAsync(user, babyId, null);
        Assert.Equal("2026-03-20", today["asOf"]!.GetValue<string>());
        Assert.Equal("valid", Item(today, "DTaP.2")["evaluation"]!["status"]!.GetValue<string>());
        Assert.Equal(3, Group(today, "DTaP/Tdap/Td")["doseNumber"]!.GetValue<int>());
        Assert.Equal("2026-04-13", Group(today, "DTaP/Tdap/Td")["earliestOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_late_dose_moves_the_next_one_in_the_list_statuses_and_the_calendar()
    {
        // DTaP 1 at five months: dose 2 (planned at 4 months) counts only 4 weeks later, from 2026-03-01.
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2025-09-01", extra: new { country = "US" })).Id();
        (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-02-01" })).EnsureSuccessStatusCode();

        var dose2 = Item(await ListAsync(user, babyId, "2026-02-10"), "DTaP.2");

        Assert.Equal("upcoming", dose2.Status());
        Assert.Equal("2026-01-01", dose2["dueOn"]!.GetValue<string>());
        Assert.Equal("2026-03-01", Group(await ListAsync(user, babyId, "2026-02-10"), "DTaP/Tdap/Td")["earliestOn"]!.GetValue<string>());
        var ics = await user.Client.GetStringAsync($"/v1/babies/{babyId}/vaccinations.ics");
        var dtap2 = ics.Split("BEGIN:VEVENT").Single(e => e.Contains("DTaP", StringComparison.Ordinal) && e.Contains(" dose 2\r\n", StringComparison.Ordinal));
        Assert.Contains("DTSTART;VALUE=DATE:20260301\r\n", dtap2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_Hib_dose_after_15_months_closes_the_other_Hib_doses()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2024-09-01", extra: new { country = "US" })).Id();
        (await user.RecordDoseAsync(babyId, new { vaccine = "Hib", givenOn = "2026-01-10", cvx = "49" })).EnsureSuccessStatusCode();

        var list = await ListAsync(user, babyId, null);

        Assert.Equal("complete", Group(list, "Hib")["seriesStatus"]!.GetValue<string>());
        var pending = list["items"]!.AsArray().Select(i => i!.AsObject())
            .Where(i => i["vaccine"]!.GetValue<string>() == "Hib" && i["givenOn"] is null).ToList();
        Assert.NotEmpty(pending);
        Assert.All(pending, i => Assert.Equal("not-applicable", i.Status()));
        var due = await user.Client.GetFromJsonAsync<JsonObject>("/v1/me/vaccinations/due?withinDays=365");
        Assert.DoesNotContain(due!["items"]!.AsArray(), i => i!["vaccine"]!.GetValue<string>() == "Hib");
    }

    [Theory]
    [InlineData("2026-3-1")]
    [InlineData("tomorrow")]
    [InlineData("2025-12-31")]
    public async Task A_bad_asOf_is_a_400_naming_it(string asOf)
    {
        var (user, babyId) = await NewBabyAsync();

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/vaccinations?asOf={asOf}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "asOf");
    }

    [Theory]
    [InlineData("09")]
    [InlineData("28")]
    [InlineData("02")]
    [InlineData("05")]
    [InlineData("100")]
    [InlineData("43")]
    public async Task Products_CDSi_knows_are_recorded_and_evaluated(string cvx)
    {
        var (user, babyId) = await NewBabyAsync();

        var response = await user.RecordDoseAsync(babyId, new { cvx, givenOn = "2026-03-02" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<string>();
        var evaluation = Item(await ListAsync(user, babyId, null), id)["evaluation"]!;
        Assert.Contains(evaluation["status"]!.GetValue<string>(), new[] { "valid", "not-valid", "extraneous" });
        Assert.NotEmpty(evaluation["antigens"]!.AsArray());
    }

    [Fact]
    public async Task Td_for_an_infant_is_recorded_and_shown_not_valid()
    {
        var (user, babyId) = await NewBabyAsync();

        var dose = await (await user.RecordDoseAsync(babyId, new { cvx = "09", givenOn = "2026-03-02" })).ReadJsonAsync();
        var evaluation = Item(await ListAsync(user, babyId, null), dose["id"]!.GetValue<string>())["evaluation"]!;

        Assert.Equal("not-valid", evaluation["status"]!.GetValue<string>());
        Assert.Equal("inadvertent", evaluation["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_combination_product_with_no_open_slot_records_the_extra_antigen_as_extraneous()
    {
        // Polio complete (the fourth IPV after the fourth birthday), then Pediarix (DTaP-HepB-IPV).
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2021-01-01", extra: new { country = "US" })).Id();
        foreach (var day in new[] { "2021-03-01", "2021-05-01", "2021-07-01", "2025-01-05" })
        {
            (await user.RecordDoseAsync(babyId, new { vaccine = "IPV", givenOn = day, cvx = "10" })).EnsureSuccessStatusCode();
        }

        var response = await user.RecordDoseAsync(babyId, new { cvx = "110", givenOn = "2026-03-02" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var extra = new[] { body }.Concat(body["alsoCompleted"]!.AsArray().Select(d => d!.AsObject()))
            .Single(d => d["vaccine"]!.GetValue<string>() == "IPV");
        Assert.Equal("IPV.5", extra["id"]!.GetValue<string>());
        Assert.Contains(extra["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "extraneous");
        var list = await ListAsync(user, babyId, null);
        Assert.Equal("extraneous", Item(list, "IPV.5")["evaluation"]!["status"]!.GetValue<string>());
        Assert.Equal("series-complete", Item(list, "IPV.5")["evaluation"]!["reason"]!.GetValue<string>());
        Assert.Equal("complete", Group(list, "Polio")["seriesStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_UK_baby_has_no_CDSi_forecast()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01", extra: new { country = "GB" })).Id();

        var list = await ListAsync(user, babyId, null);

        Assert.Null(list["forecast"]);
        Assert.Equal("UK", list["schedule"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Records_of_a_20_year_old_are_accepted()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.PostAsJsonAsync("/v1/babies", new { name = "Sam", sex = "male", dateOfBirth = "2006-01-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<(TestUser User, string BabyId)> NewBabyAsync()
    {
        var user = await _factory.SignUpAsync();
        return (user, (await user.CreateBabyAsync(dateOfBirth: "2026-01-01", extra: new { country = "US" })).Id());
    }

    private static async Task<JsonObject> ListAsync(TestUser user, string babyId, string? asOf)
    {
        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/vaccinations?limit=200" + (asOf is null ? "" : "&asOf=" + asOf));
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body;
    }

    private static JsonObject Item(JsonObject list, string id) =>
        list["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => i["id"]!.GetValue<string>() == id);

    private static JsonObject Group(JsonObject list, string name) =>
        list["forecast"]!.AsArray().Select(g => g!.AsObject()).Single(g => g["vaccineGroup"]!.GetValue<string>() == name);
}
