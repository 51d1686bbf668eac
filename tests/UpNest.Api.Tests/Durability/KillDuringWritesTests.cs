using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Audit;
using UpNest.Storage.Sqlite;

namespace UpNest.Api.Tests.Durability;

/// <summary>
/// kill -9 in the middle of a write load: every acknowledged write is there after the restart with
/// its audit event, every stored change (acknowledged or not) has its attempt on the chain, and
/// the chain still verifies.
/// </summary>
public sealed class KillDuringWritesTests : IDisposable
{
    private const int Writers = 16;
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "upnest-tests", $"kill-load-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    [Fact]
    public async Task Kill_9_under_writes_loses_no_acknowledged_write_and_no_audit_event()
    {
        var email = $"kill-{Guid.NewGuid():N}@example.com";
        var acknowledged = new ConcurrentBag<string>();
        var serverErrors = 0;
        string token, babyId;
        await using (var app = await AppProcess.StartAsync(_databasePath))
        {
            using var setup = app.CreateClient();
            (await setup.PostAsJsonAsync("/v1/auth/register", new { email, password = TestUsers.Password, displayName = "K" })).EnsureSuccessStatusCode();
            (token, _) = await TestUsers.LoginAsync(setup, email, TestUsers.Password);
            setup.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var baby = await setup.PostAsJsonAsync("/v1/babies", new { name = "K", sex = "male", dateOfBirth = "2026-01-01" });
            babyId = JsonNode.Parse(await baby.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                using var client = app.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var day = new DateOnly(2026, 1, 2).AddDays((w * 7 + i) % 300);
                        var response = await client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements",
                            new { measuredOn = day.ToString("yyyy-MM-dd"), weightKg = 4.0 + (i % 10) / 10.0 }, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
                        }
                        else if ((int)response.StatusCode >= 500)
                        {
                            Interlocked.Increment(ref serverErrors);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        // The process is gone mid-request: this write was not acknowledged.
                    }
                }
            })).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (acknowledged.Count < 60 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }
        Assert.Equal(0, serverErrors);
        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} writes were acknowledged before the kill");

        await using var restarted = await AppProcess.StartAsync(_databasePath);
        using var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var stored = new List<string>();
        string? cursor = null;
        do
        {
            var page = await again.GetJsonAsync($"/v1/babies/{babyId}/measurements?limit=100" + (cursor is null ? "" : "&cursor=" + cursor));
            stored.AddRange(page["items"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        var store = new SqliteAuditStore(new SqliteDatabase(_databasePath));
        var chain = await store.ReadChainAsync(babyId, CancellationToken.None).ToListAsync();
        var verification = await AuditChain.VerifyAsync(store.ReadChainAsync(babyId, CancellationToken.None), CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Reason);
        var created = chain.Where(e => e.Action == AuditActions.MeasurementCreate).ToList();
        var recorded = created.Where(e => e.Outcome == AuditOutcomes.Success).Select(e => e.Resource).ToHashSet();
        Assert.All(acknowledged, id =>
        {
            Assert.Contains(id, stored);
            Assert.Contains("measurement:" + id, recorded);
        });
        // Writes that committed but were cut off before their answer: each had its attempt stored first.
        Assert.True(created.Count(e => e.Outcome == AuditOutcomes.Attempted) >= stored.Count,
            $"{stored.Count} measurements stored, {created.Count(e => e.Outcome == AuditOutcomes.Attempted)} attempts on the chain");
    }
}
