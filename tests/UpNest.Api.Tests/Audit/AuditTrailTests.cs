using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Api.Tests.Sharing;
using UpNest.Core.Audit;
using UpNest.Storage.Sqlite;

namespace UpNest.Api.Tests.Audit;

public sealed class AuditTrailTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task Reads_and_writes_of_baby_data_become_chained_events_newest_first()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.Client.GetJsonAsync($"/v1/babies/{babyId}");
        await owner.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}", new { country = "GB" });
        var measurementId = (await owner.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.1 })).Id();
        await owner.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements");

        var all = await EventsAsync(owner, $"/v1/babies/{babyId}/audit");
        // Each change is preceded by its attempt, stored before the change ran.
        Assert.Equal(
            ["measurement.read", "measurement.create", "measurement.create", "baby.update", "baby.update", "baby.read", "baby.create"],
            all.Select(e => e["action"]!.GetValue<string>()).ToArray());
        Assert.Equal(["success", "success", "attempted", "success", "attempted", "success", "success"],
            all.Select(e => e["outcome"]!.GetValue<string>()).ToArray());
        Assert.Equal(all[1]["requestId"]!.GetValue<string>(), all[2]["requestId"]!.GetValue<string>());
        var events = all.Where(e => e["outcome"]!.GetValue<string>() != "attempted").ToList();
        Assert.Equal(
            ["measurement.read", "measurement.create", "baby.update", "baby.read", "baby.create"],
            events.Select(e => e["action"]!.GetValue<string>()).ToArray());
        Assert.All(events, e =>
        {
            Assert.Equal(owner.Id, e["actorId"]!.GetValue<string>());
            Assert.Equal("success", e["outcome"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(e["requestId"]?.GetValue<string>()));
        });
        Assert.Equal($"measurement:{measurementId}", events[1]["resource"]!.GetValue<string>());
        Assert.Equal($"baby:{babyId}", events[4]["resource"]!.GetValue<string>());
        for (var i = 0; i < all.Count - 1; i++)
        {
            Assert.Equal(all[i + 1]["hash"]!.GetValue<string>(), all[i]["prevHash"]!.GetValue<string>());
        }
        Assert.Null(all[^1]["prevHash"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_write_is_recorded_as_denied_and_only_owners_read_the_trail()
    {
        var owner = await _factory.SignUpAsync();
        var viewer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.ShareWithAsync(babyId, viewer, "viewer");

        var write = await viewer.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.1 });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        await (await viewer.Client.GetAsync($"/v1/babies/{babyId}/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var events = await EventsAsync(owner, $"/v1/babies/{babyId}/audit");
        Assert.Contains(events, e => e["action"]!.GetValue<string>() == "measurement.create"
            && e["outcome"]!.GetValue<string>() == "denied" && e["actorId"]!.GetValue<string>() == viewer.Id);
    }

    [Fact]
    public async Task Shares_are_audited_on_the_baby_chain()
    {
        var owner = await _factory.SignUpAsync();
        var carer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.ShareWithAsync(babyId, carer, "caregiver");
        await owner.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/caregivers/{carer.Id}", new { role = "viewer" });
        await owner.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{carer.Id}");

        var actions = (await EventsAsync(owner, $"/v1/babies/{babyId}/audit"))
            .Where(e => e["outcome"]!.GetValue<string>() != "attempted").Select(e => e["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["share.revoke", "share.role-change", "share.accept", "share.invite"], actions.Take(4).ToArray());
    }

    [Fact]
    public async Task Logins_failed_logins_and_refresh_reuse_are_on_the_users_own_trail_without_the_email()
    {
        // Reads the SQLite file itself, so it runs on SQLite whichever store the suite runs on.
        await using var sqlite = new UpNestFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
        var user = await sqlite.SignUpAsync();
        using var anonymous = sqlite.CreateClient();
        var failed = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = "wrong password here" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        var unknown = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = "nobody-" + user.Email, password = "wrong password here" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var first = await anonymous.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        first.EnsureSuccessStatusCode();
        var reuse = await anonymous.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);

        var events = await EventsAsync(user, "/v1/me/audit");
        var actions = events.Select(e => e["action"]!.GetValue<string>()).ToList();
        Assert.Contains("auth.login", actions);
        Assert.Contains("auth.refresh-reuse", actions);
        var failedEvent = Assert.Single(events, e => e["action"]!.GetValue<string>() == "auth.login-failed");
        Assert.Equal("failed", failedEvent["outcome"]!.GetValue<string>());
        Assert.Equal(user.Id, failedEvent["subject"]!.GetValue<string>());

        // Nothing in the audit table carries the email or the client address.
        await using var connection = new SqliteConnection($"Data Source={sqlite.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(data, ' ') FROM audit_events;";
        var all = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(user.Email, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_trail_lists_what_I_did_to_babies_and_pages_with_signed_cursors()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        for (var i = 0; i < 3; i++)
        {
            await owner.Client.GetJsonAsync($"/v1/babies/{babyId}");
        }

        var all = await EventsAsync(owner, "/v1/me/audit");
        Assert.Equal(3, all.Count(e => e["action"]!.GetValue<string>() == "baby.read"));
        Assert.Contains(all, e => e["action"]!.GetValue<string>() == "auth.login");
        Assert.Equal(all.Count, all.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
        var times = all.Select(e => e["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t).ToList(), times);

        var page = await owner.Client.GetJsonAsync("/v1/me/audit?limit=2");
        var cursor = page["nextCursor"]!.GetValue<string>();
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];
        await (await owner.Client.GetAsync($"/v1/me/audit?limit=2&cursor={tampered}")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await owner.Client.GetAsync($"/v1/babies/{babyId}/audit?limit=2&cursor={cursor}")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task Tampering_with_a_stored_event_breaks_the_chain_at_that_event()
    {
        // Reads the SQLite file itself, so it runs on SQLite whichever store the suite runs on.
        await using var sqlite = new UpNestFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
        var owner = await sqlite.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.Client.GetJsonAsync($"/v1/babies/{babyId}");
        await owner.Client.GetJsonAsync($"/v1/babies/{babyId}");
        var store = new SqliteAuditStore(new SqliteDatabase(sqlite.DatabasePath));

        var intact = await AuditChain.VerifyAsync(store.ReadChainAsync(babyId, default), default);
        Assert.True(intact.IsIntact);
        Assert.Equal(3, intact.Count);

        var chain = await store.ReadChainAsync(babyId, default).ToListAsync();
        var victim = chain[1];
        await using (var connection = new SqliteConnection($"Data Source={sqlite.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_events SET data = json_set(data, '$.actorId', 'someone-else') WHERE id = $id;";
            update.Parameters.AddWithValue("$id", victim.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var broken = await AuditChain.VerifyAsync(store.ReadChainAsync(babyId, default), default);
        Assert.False(broken.IsIntact);
        Assert.Equal(victim.Id, broken.BrokenEventId);
        Assert.Equal(2, broken.Count);
    }

    private static async Task<List<JsonObject>> EventsAsync(TestUser user, string url)
    {
        var events = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetJsonAsync(url + "?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor));
            events.AddRange(page["items"]!.AsArray().Select(e => e!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return events;
    }
}
