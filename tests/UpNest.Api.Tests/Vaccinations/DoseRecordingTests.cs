using System.Net;
using System.Net.Http.Json;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Babies;

namespace UpNest.Api.Tests.Vaccinations;

/// <summary>Recording, editing, skipping and taking back doses; reactions and who may write.</summary>
public sealed class DoseRecordingTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(clock: VaccinationTestKit.ClockAt(2026, 3, 20));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Recording_a_dose_completes_the_planned_one_with_201_and_a_location()
    {
        var (user, babyId) = await NewBabyAsync();

        var response = await user.RecordDoseAsync(babyId, new
        {
            vaccine = "HepB", givenOn = "2026-01-01", cvx = "8", lotNumber = "AB12", site = "left-thigh", route = "intramuscular",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/babies/{babyId}/vaccinations/HepB.1", response.Headers.Location!.ToString());
        var dose = await response.ReadJsonAsync();
        Assert.Equal("completed", dose.Status());
        Assert.Equal("08", dose["cvx"]!.GetValue<string>());
        Assert.Equal("left-thigh", dose["site"]!.GetValue<string>());
        Assert.Empty(dose["warnings"]!.AsArray());
        Assert.Equal("completed", (await user.DoseAsync(babyId, "HepB.1")).Status());

        var again = await user.RecordDoseAsync(babyId, new { vaccine = "HepB", doseNumber = 1, givenOn = "2026-01-02" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Four_days_before_the_minimum_age_is_fine_and_five_days_is_warned()
    {
        // DTaP 1: minimum age 42 days, earliest 2026-02-12 for a baby born 2026-01-01.
        var (user, babyId) = await NewBabyAsync();
        var fourEarly = await (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-02-08" })).ReadJsonAsync();
        Assert.Empty(fourEarly["warnings"]!.AsArray());

        var (other, otherBaby) = await NewBabyAsync();
        var fiveEarly = await other.RecordDoseAsync(otherBaby, new { vaccine = "DTaP", givenOn = "2026-02-07" });
        Assert.Equal(HttpStatusCode.Created, fiveEarly.StatusCode);
        var warning = (await fiveEarly.ReadJsonAsync())["warnings"]!.AsArray().Single()!;
        Assert.Equal("too-early", warning["code"]!.GetValue<string>());
        Assert.Contains("repeated", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("too-early", (await other.DoseAsync(otherBaby, "DTaP.1"))["warnings"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_combination_product_completes_a_dose_of_every_series_it_covers()
    {
        var (user, babyId) = await NewBabyAsync();
        (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-01" })).EnsureSuccessStatusCode();

        var response = await user.RecordDoseAsync(babyId, new { cvx = "110", givenOn = "2026-03-02", product = "Pediarix" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var completed = new[] { body["id"]!.GetValue<string>() }
            .Concat(body["alsoCompleted"]!.AsArray().Select(d => d!["id"]!.GetValue<string>())).Order().ToList();
        Assert.Equal(["DTaP.1", "HepB.2", "IPV.1"], completed);
        foreach (var id in completed)
        {
            var dose = await user.DoseAsync(babyId, id);
            Assert.Equal("completed", dose.Status());
            Assert.Equal("110", dose["cvx"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_dose_outside_the_schedule_is_recorded_with_a_gentle_warning()
    {
        var (user, babyId) = await NewBabyAsync();

        var dose = await (await user.RecordDoseAsync(babyId, new { vaccine = "BCG", givenOn = "2026-01-05" })).ReadJsonAsync();

        Assert.Equal("BCG.1", dose["id"]!.GetValue<string>());
        Assert.Equal("not-in-schedule", dose["warnings"]![0]!["code"]!.GetValue<string>());
        Assert.Null(dose["dueOn"]);
    }

    [Fact]
    public async Task Bad_input_names_the_fields()
    {
        var (user, babyId) = await NewBabyAsync();

        await (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-12-01" })).AssertProblemAsync(HttpStatusCode.BadRequest, "givenOn");
        await (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2025-12-31" })).AssertProblemAsync(HttpStatusCode.BadRequest, "givenOn");
        await (await user.RecordDoseAsync(babyId, new { givenOn = "2026-01-05" })).AssertProblemAsync(HttpStatusCode.BadRequest, "vaccine");
        await (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-05", site = "ear" })).AssertProblemAsync(HttpStatusCode.BadRequest, "site");
    }

    [Fact]
    public async Task The_owner_skips_with_a_reason_and_takes_it_back_and_a_stale_if_match_is_412()
    {
        var (user, babyId) = await NewBabyAsync();
        var version = (await user.DoseAsync(babyId, "RV.1"))["version"]!.GetValue<long>();

        var skip = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/RV.1",
            new { status = "skipped", skipReason = "Advised against by our doctor" }, ifMatch: $"\"{version}\"");
        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        var skipped = await skip.ReadJsonAsync();
        Assert.Equal("skipped", skipped.Status());
        Assert.Equal("Advised against by our doctor", skipped["skipReason"]!.GetValue<string>());

        var stale = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/RV.1",
            new { status = (string?)null }, ifMatch: $"\"{version}\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var noReason = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/DTaP.1", new { status = "skipped" });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "skipReason");

        var unskip = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/RV.1", new { status = (string?)null });
        Assert.Equal("due", (await unskip.ReadJsonAsync()).Status());
    }

    [Fact]
    public async Task Editing_and_deleting_a_given_dose()
    {
        var (user, babyId) = await NewBabyAsync();
        (await user.RecordDoseAsync(babyId, new { vaccine = "DTaP", givenOn = "2026-03-02" })).EnsureSuccessStatusCode();

        var edit = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/DTaP.1",
            new { givenOn = "2026-02-07", provider = "Clinic A" });
        var edited = await edit.ReadJsonAsync();
        Assert.Equal("Clinic A", edited["provider"]!.GetValue<string>());
        Assert.Equal("too-early", edited["warnings"]![0]!["code"]!.GetValue<string>());

        var delete = await user.Client.DeleteAsync($"/v1/babies/{babyId}/vaccinations/DTaP.1");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var planned = await user.DoseAsync(babyId, "DTaP.1");
        Assert.Equal("due", planned.Status());
        Assert.Null(planned["givenOn"]);

        var again = await user.Client.DeleteAsync($"/v1/babies/{babyId}/vaccinations/DTaP.1");
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        await (await user.Client.DeleteAsync($"/v1/babies/{babyId}/vaccinations/Nope.1")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null, "VAERS", "https://vaers.hhs.gov")]
    [InlineData("GB", "Yellow Card", "https://yellowcard.mhra.gov.uk")]
    public async Task A_severe_reaction_is_reportable_to_the_countrys_system(string? country, string system, string url)
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-01", extra: country is null ? null : new { country })).Id();
        var vaccine = country is null ? "DTaP" : "DTaP-IPV-Hib-HepB";
        (await user.RecordDoseAsync(babyId, new { vaccine, givenOn = "2026-03-05" })).EnsureSuccessStatusCode();

        var response = await user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/vaccinations/{vaccine}.1/reactions",
            new { type = "fever", severity = "severe", onsetHours = 6, outcome = "resolved", careSought = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reaction = await response.ReadJsonAsync();
        Assert.True(reaction["reportable"]!.GetValue<bool>());
        Assert.Contains(system, reaction["reportTo"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(url, reaction["reportTo"]!["url"]!.GetValue<string>());
        Assert.Contains("report", reaction["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await user.DoseAsync(babyId, $"{vaccine}.1"))["reactions"]!.AsArray());

        var mild = await (await user.Client.PostAsJsonAsync($"/v1/babies/{babyId}/vaccinations/{vaccine}.1/reactions",
            new { type = "injection-site-reaction", severity = "mild" })).ReadJsonAsync();
        Assert.False(mild["reportable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Viewers_read_but_get_403_on_every_write_and_caregivers_cannot_skip()
    {
        var (owner, babyId) = await NewBabyAsync();
        var viewer = await _factory.SignUpAsync();
        var caregiver = await _factory.SignUpAsync();
        await _factory.GrantAsync(owner, babyId, viewer, Role.Viewer);
        await _factory.GrantAsync(owner, babyId, caregiver, Role.Caregiver);

        Assert.NotEmpty(await viewer.DosesAsync(babyId));
        await (await viewer.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-01" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/HepB.1", new { note = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.DeleteAsync($"/v1/babies/{babyId}/vaccinations/HepB.1")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.PostAsJsonAsync($"/v1/babies/{babyId}/vaccinations/HepB.1/reactions", new { type = "fever", severity = "mild" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.Client.PostAsync($"/v1/babies/{babyId}/calendar-link", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.Created, (await caregiver.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-01" })).StatusCode);
        await (await caregiver.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/RV.1",
            new { status = "skipped", skipReason = "r" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await caregiver.Client.PostAsync($"/v1/babies/{babyId}/calendar-link", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dose_notes_and_skip_reasons_are_encrypted_at_rest_and_read_back_in_clear()
    {
        var (user, babyId) = await NewBabyAsync();
        (await user.RecordDoseAsync(babyId, new { vaccine = "HepB", givenOn = "2026-01-01", note = "Cried at the clinic" })).EnsureSuccessStatusCode();
        (await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/vaccinations/RV.1",
            new { status = "skipped", skipReason = "Grandma worried" })).EnsureSuccessStatusCode();

        Assert.Equal("Cried at the clinic", (await user.DoseAsync(babyId, "HepB.1"))["note"]!.GetValue<string>());
        Assert.Equal("Grandma worried", (await user.DoseAsync(babyId, "RV.1"))["skipReason"]!.GetValue<string>());
        if (TestStorage.IsDynamoDb)
        {
            return;
        }
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(data) FROM doses;";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain("Cried at the clinic", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Grandma worried", stored, StringComparison.Ordinal);
    }

    private async Task<(TestUser User, string BabyId)> NewBabyAsync()
    {
        var user = await _factory.SignUpAsync();
        return (user, (await user.CreateBabyAsync(dateOfBirth: "2026-01-01")).Id());
    }
}
