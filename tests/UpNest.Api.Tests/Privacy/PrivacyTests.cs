using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UpNest.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UpNest.Api.Tests.Privacy;

public sealed class PrivacyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = "Private.Parent@example.com";
    private const string ParentName = "Philippa Quintessence";
    private const string BabyName = "Zebedee Marmaduke";
    private const string BirthDate = "2025-03-17";
    private const string BabyNote = "allergic to peanuts per grandmother";
    private const string MeasurementNote = "weighed after feeding at clinic Rosewood";

    private readonly CapturingLoggerProvider _logs = new();
    private UpNestFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new UpNestFactory(configureServices: services => services.AddLogging(l =>
        {
            l.AddProvider(_logs);
            l.SetMinimumLevel(LogLevel.Trace);
        }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_full_scenario_leaves_no_personal_data_in_the_logs()
    {
        var parent = await _factory.SignUpAsync(Email, ParentName);
        var baby = await parent.CreateBabyAsync(BabyName, "male", BirthDate, new { notes = BabyNote });
        var babyId = baby["id"]!.GetValue<string>();
        await parent.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2025-05-01", weightKg = 5.1, note = MeasurementNote });
        await parent.Client.GetAsync($"/v1/babies/{babyId}/measurements");
        await parent.Client.GetAsync($"/v1/babies/{babyId}/growth/summary");
        // Failures too: wrong password, invalid values that echo nothing back, a stranger's probe.
        using var anonymous = _factory.CreateClient();
        await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = Email, password = "wrong " + BabyNote });
        await parent.Client.PostAsJsonAsync("/v1/babies", new { name = BabyName, sex = "other", dateOfBirth = "2999-01-01", notes = BabyNote });
        await parent.Client.PatchAsJsonAsync($"/v1/babies/{babyId}", new { name = BabyName + " Junior", notes = new string('x', 5000) });
        await parent.Client.PostAsJsonAsync("/v1/auth/register", new { email = Email, password = TestUsers.Password, displayName = ParentName });

        var lines = _logs.Lines.ToArray();
        output.WriteLine($"{lines.Length} log lines inspected");
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("RequestId", StringComparison.Ordinal) || l.Contains("request ", StringComparison.Ordinal));
        foreach (var secret in new[] { Email, Email.ToLowerInvariant(), ParentName, BabyName, BirthDate, BabyNote, MeasurementNote, "Zebedee", "Philippa" })
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{secret}' reached the logs: {leak}");
        }
    }

    [Fact]
    public async Task Notes_are_encrypted_at_rest_and_read_back_in_clear()
    {
        // Encryption is a decorator over whichever store runs; the SQLite file is the one whose bytes we can read here.
        await using var sqlite = new UpNestFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
        var parent = await sqlite.SignUpAsync();
        var baby = await parent.CreateBabyAsync(BabyName, "male", BirthDate, new { notes = BabyNote });
        var babyId = baby["id"]!.GetValue<string>();
        var created = await (await parent.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements",
            new { measuredOn = "2025-05-01", weightKg = 5.1, note = MeasurementNote })).ReadJsonAsync();

        Assert.Equal(BabyNote, (await (await parent.Client.GetAsync($"/v1/babies/{babyId}")).ReadJsonAsync())["notes"]!.GetValue<string>());
        var measurementId = created["id"]!.GetValue<string>();
        var read = await (await parent.Client.GetAsync($"/v1/babies/{babyId}/measurements/{measurementId}")).ReadJsonAsync();
        Assert.Equal(MeasurementNote, read["note"]!.GetValue<string>());

        await using var connection = new SqliteConnection($"Data Source={sqlite.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var table in new[] { "babies", "measurements" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT group_concat(data, ' ') FROM {table};";
            var stored = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain("peanuts", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("Rosewood", stored, StringComparison.Ordinal);
            Assert.Contains("dp1:", stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Encrypted_notes_survive_a_restart_because_the_keys_live_in_the_store()
    {
        var parent = await _factory.SignUpAsync();
        var babyId = (await parent.CreateBabyAsync(extra: new { notes = BabyNote }))["id"]!.GetValue<string>();

        await using var restarted = _factory.Restarted();
        using var client = restarted.CreateClient();
        var (token, _) = await TestUsers.LoginAsync(client, parent.Email, parent.Password);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var baby = await (await client.GetAsync($"/v1/babies/{babyId}")).ReadJsonAsync();
        Assert.Equal(BabyNote, baby["notes"]!.GetValue<string>());
    }
}
