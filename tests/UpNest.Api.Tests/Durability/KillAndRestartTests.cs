using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Durability;

/// <summary>A write acknowledged with 2xx survives kill -9 of the process.</summary>
public sealed class KillAndRestartTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "upnest-tests", $"durability-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private static async Task<string> Expect2xxAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    [Fact]
    public async Task Everything_acknowledged_before_kill_9_is_there_after_a_restart()
    {
        var email = $"durable-{Guid.NewGuid():N}@example.com";
        string accessToken, babyId, measurementId;
        await using (var first = await AppProcess.StartAsync(_databasePath))
        {
            using var client = first.CreateClient();
            await Expect2xxAsync(await client.PostAsJsonAsync("/v1/auth/register", new { email, password = TestUsers.Password, displayName = "Durable" }));
            (accessToken, _) = await TestUsers.LoginAsync(client, email, TestUsers.Password);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            var baby = await client.PostAsJsonAsync("/v1/babies", new { name = "Kept", sex = "female", dateOfBirth = "2026-01-15" });
            babyId = System.Text.Json.Nodes.JsonNode.Parse(await Expect2xxAsync(baby))!["id"]!.GetValue<string>();
            var measurement = await client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.25 });
            measurementId = System.Text.Json.Nodes.JsonNode.Parse(await Expect2xxAsync(measurement))!["id"]!.GetValue<string>();
            await Expect2xxAsync(await client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}", new { name = "Kept Safe" }));

            await first.KillAsync();
        }

        await using var second = await AppProcess.StartAsync(_databasePath);
        using var again = second.CreateClient();
        var (freshToken, _) = await TestUsers.LoginAsync(again, email, TestUsers.Password);
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", freshToken);

        var readBaby = await again.GetJsonAsync($"/v1/babies/{babyId}");
        Assert.Equal("Kept Safe", readBaby["name"]!.GetValue<string>());
        Assert.Equal(2, readBaby["version"]!.GetValue<long>());
        var list = await again.GetJsonAsync($"/v1/babies/{babyId}/measurements");
        var kept = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(measurementId, kept["id"]!.GetValue<string>());
        Assert.Equal(4.25, kept["weightKg"]!.GetValue<double>());

        // The signing key was in the store too: the token from before the kill still works.
        using var old = second.CreateClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_database_file_is_in_wal_mode()
    {
        await using (var app = await AppProcess.StartAsync(_databasePath))
        {
            await app.KillAsync();
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(), StringComparer.OrdinalIgnoreCase);
    }
}
