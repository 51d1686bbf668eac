using System.Net;
using System.Text;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Babies;

namespace UpNest.Api.Tests.Vaccinations;

/// <summary>The due list across babies, and the calendar feed with the bearer token or the secret link.</summary>
public sealed class CalendarAndDueTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(clock: VaccinationTestKit.ClockAt(2026, 3, 20));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Due_lists_due_and_overdue_doses_of_every_baby_the_caller_can_see_by_due_date()
    {
        var user = await _factory.SignUpAsync();
        var older = (await user.CreateBabyAsync(name: "Ada", dateOfBirth: "2026-01-01")).Id();
        var newborn = (await user.CreateBabyAsync(name: "Ben", dateOfBirth: "2026-03-19")).Id();
        var friend = await _factory.SignUpAsync();
        var shared = (await friend.CreateBabyAsync(name: "Cy", dateOfBirth: "2026-02-20")).Id();
        await _factory.GrantAsync(friend, shared, user, Role.Viewer);
        var stranger = await _factory.SignUpAsync();
        await stranger.CreateBabyAsync(name: "Dot", dateOfBirth: "2026-02-20");

        var today = await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=0")).ReadJsonAsync();
        var items = today["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

        Assert.All(items, i => Assert.Contains(i.Status(), new[] { "due", "overdue" }));
        Assert.Equal(new[] { newborn, older, shared }.Order(StringComparer.Ordinal),
            items.Select(i => i["babyId"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(items, i => i["babyName"]!.GetValue<string>() == "Cy");
        Assert.DoesNotContain(items, i => i["babyName"]!.GetValue<string>() == "Dot");
        var dueDates = items.Select(i => i["dueOn"]!.GetValue<string>()).ToList();
        Assert.Equal(dueDates.Order(StringComparer.Ordinal), dueDates);

        var month = await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=60")).ReadJsonAsync();
        Assert.True(month["items"]!.AsArray().Count > items.Count);
        Assert.Contains(month["items"]!.AsArray(), i => i!.AsObject().Status() == "upcoming");

        await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=366")).AssertProblemAsync(HttpStatusCode.BadRequest, "withinDays");
        await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=-1")).AssertProblemAsync(HttpStatusCode.BadRequest, "withinDays");
    }

    [Fact]
    public async Task Due_pages_with_a_cursor_bound_to_its_filter()
    {
        var user = await _factory.SignUpAsync();
        await user.CreateBabyAsync(dateOfBirth: "2026-01-01");
        await user.CreateBabyAsync(dateOfBirth: "2025-12-01");

        var all = (await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=90&limit=200")).ReadJsonAsync())["items"]!.AsArray().Count;
        var seen = 0;
        string? cursor = null;
        do
        {
            var page = await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=90&limit=3" + (cursor is null ? "" : "&cursor=" + cursor))).ReadJsonAsync();
            seen += page["items"]!.AsArray().Count;
            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is not null)
            {
                await (await user.Client.GetAsync("/v1/me/vaccinations/due?withinDays=30&cursor=" + cursor)).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
            }
        }
        while (cursor is not null);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task The_ics_feed_is_valid_icalendar_with_an_event_per_pending_dose_and_no_names()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(name: "Zelda", dateOfBirth: "2026-01-01")).Id();
        (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-01" })).EnsureSuccessStatusCode();
        var pending = (await user.DosesAsync(babyId)).Count(d => d.Status() is "upcoming" or "due" or "overdue");

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/vaccinations.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        AssertValidIcs(ics);
        Assert.Equal(pending, CountOf(ics, "BEGIN:VEVENT\r\n"));
        Assert.DoesNotContain("Zelda", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260131\r\n", ics, StringComparison.Ordinal); // HepB 2: birth + 30
        // HepB 1 is given, so only the other doses due at birth remain on that day.
        var atBirth = (await user.DosesAsync(babyId)).Count(d => d["dueOn"]!.GetValue<string>() == "2026-01-01" && d.Status() != "completed");
        Assert.Equal(atBirth, CountOf(ics, "DTSTART;VALUE=DATE:20260101\r\n"));
        Assert.Contains("SUMMARY:Hepatitis B dose 2\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("SUMMARY:Hepatitis B dose 1\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_link_works_without_a_token_and_a_new_link_kills_the_old_one()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id();
        using var anonymous = _factory.CreateClient();

        var first = (await (await owner.Client.PostAsync($"/v1/babies/{babyId}/calendar-link", null)).ReadJsonAsync())["url"]!.GetValue<string>();
        Assert.Contains("/v1/calendar/", first, StringComparison.Ordinal);
        var feed = await anonymous.GetAsync(new Uri(first).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        AssertValidIcs(await feed.Content.ReadAsStringAsync());

        var second = (await (await owner.Client.PostAsync($"/v1/babies/{babyId}/calendar-link", null)).ReadJsonAsync())["url"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        await (await anonymous.GetAsync(new Uri(first).PathAndQuery)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(second).PathAndQuery)).StatusCode);

        // Anything altered is the same 404: a character of the secret, another baby, no secret at all.
        var path = new Uri(second).AbsolutePath;
        var altered = path[..^5] + (path[^5] == 'A' ? 'B' : 'A') + ".ics";
        await (await anonymous.GetAsync(altered)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/v1/calendar/{babyId}.ics")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/v1/calendar/nothing.at.all.ics")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/v1/babies/{babyId}/calendar-link")).StatusCode);
        await (await anonymous.GetAsync(new Uri(second).PathAndQuery)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static void AssertValidIcs(string ics)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }
        Assert.Equal(CountOf(ics, "BEGIN:VEVENT\r\n"), CountOf(ics, "END:VEVENT\r\n"));
        Assert.Equal(CountOf(ics, "BEGIN:VEVENT\r\n"), CountOf(ics, "\r\nUID:"));
        Assert.Equal(CountOf(ics, "BEGIN:VEVENT\r\n"), CountOf(ics, "\r\nDTSTAMP:"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
