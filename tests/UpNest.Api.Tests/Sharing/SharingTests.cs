using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Sharing;

public sealed class SharingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task A_shareable_code_makes_the_invitee_a_caregiver_once()
    {
        var owner = await _factory.SignUpAsync();
        var invitee = await _factory.SignUpAsync();
        var latecomer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();

        var invite = await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/invitations", new { email = (string?)null, role = "caregiver" });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        Assert.NotNull(invite.Headers.Location);
        var body = await invite.ReadJsonAsync();
        Assert.Equal("caregiver", body["role"]!.GetValue<string>());
        Assert.True(body["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(6));
        var code = body["code"]!.GetValue<string>();

        var accepted = await invitee.AcceptAsync(code);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var baby = await accepted.ReadJsonAsync();
        Assert.Equal(babyId, baby.Id());
        Assert.Equal("caregiver", baby["role"]!.GetValue<string>());

        await invitee.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.1 });
        await (await latecomer.AcceptAsync(code)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await invitee.AcceptAsync(code)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_write()
    {
        var owner = await _factory.SignUpAsync();
        var viewer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.ShareWithAsync(babyId, viewer, "viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync($"/v1/babies/{babyId}")).StatusCode);
        var write = await viewer.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.1 });
        await write.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_email_bound_invitation_works_only_for_that_email()
    {
        var owner = await _factory.SignUpAsync();
        var intended = await _factory.SignUpAsync();
        var other = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        var code = await owner.InviteAsync(babyId, "viewer", intended.Email.ToUpperInvariant());

        await (await other.AcceptAsync(code)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await intended.AcceptAsync(code)).StatusCode);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("a.b.c")]
    public async Task A_forged_code_is_404(string code)
    {
        var user = await _factory.SignUpAsync();
        await (await user.AcceptAsync(code)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_code_with_a_wrong_secret_is_404()
    {
        var owner = await _factory.SignUpAsync();
        var user = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        var code = await owner.InviteAsync(babyId, "caregiver");
        var forged = code[..code.LastIndexOf('.')] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        await (await user.AcceptAsync(forged)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await user.AcceptAsync(code)).StatusCode);
    }

    [Fact]
    public async Task Owners_list_change_and_revoke_and_revocation_applies_on_the_next_request()
    {
        var owner = await _factory.SignUpAsync();
        var carer = await _factory.SignUpAsync(displayName: "Grandma");
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.ShareWithAsync(babyId, carer, "caregiver");

        var list = await owner.Client.GetJsonAsync($"/v1/babies/{babyId}/caregivers?limit=1");
        Assert.Single(list["items"]!.AsArray());
        Assert.Equal("owner", list["items"]![0]!["role"]!.GetValue<string>());
        var next = await owner.Client.GetJsonAsync($"/v1/babies/{babyId}/caregivers?limit=1&cursor={list["nextCursor"]!.GetValue<string>()}");
        var item = next["items"]![0]!;
        Assert.Equal(carer.Id, item["userId"]!.GetValue<string>());
        Assert.Equal("Grandma", item["displayName"]!.GetValue<string>());
        Assert.NotNull(item["since"]);

        var demote = await owner.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/caregivers/{carer.Id}", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        var write = await carer.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.1 });
        await write.AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{carer.Id}")).StatusCode);
        await (await carer.Client.GetAsync($"/v1/babies/{babyId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Non_owners_may_leave_but_not_manage_others()
    {
        var owner = await _factory.SignUpAsync();
        var carer = await _factory.SignUpAsync();
        var viewer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.ShareWithAsync(babyId, carer, "caregiver");
        await owner.ShareWithAsync(babyId, viewer, "viewer");

        await (await carer.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{viewer.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await carer.Client.GetAsync($"/v1/babies/{babyId}/caregivers")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await viewer.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{viewer.Id}")).StatusCode);
        await (await viewer.Client.GetAsync($"/v1/babies/{babyId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_be_removed_or_be_demoted()
    {
        var owner = await _factory.SignUpAsync();
        var second = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();

        await (await owner.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{owner.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        var demote = await owner.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/caregivers/{owner.Id}", new { role = "caregiver" });
        await demote.AssertProblemAsync(HttpStatusCode.Conflict);

        // With a second owner, the first may go.
        await owner.ShareWithAsync(babyId, second, "caregiver");
        var promote = await owner.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/caregivers/{second.Id}", new { role = "owner" });
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{owner.Id}")).StatusCode);
        await (await second.Client.DeleteAsync($"/v1/babies/{babyId}/caregivers/{second.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invitations_are_validated()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await (await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/invitations", new { role = "owner" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "role");
        await (await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/invitations", new { email = "not-an-email", role = "viewer" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        await (await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/invitations", new { email = (string?)null }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "role");
    }

    [Fact]
    public async Task Someone_with_access_already_cannot_use_a_code()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        var code = await owner.InviteAsync(babyId, "viewer");
        await (await owner.AcceptAsync(code)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class InvitationExpiryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly UpNestFactory _factory;

    public InvitationExpiryTests() => _factory = new UpNestFactory(clock: _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_expired_code_is_404()
    {
        var owner = await _factory.SignUpAsync();
        var invitee = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        var code = await owner.InviteAsync(babyId, "caregiver");

        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        // The old access token has run out on the moved clock too: sign in again.
        using var anonymous = _factory.CreateClient();
        var (token, _) = await TestUsers.LoginAsync(anonymous, invitee.Email, TestUsers.Password);
        using var client = _factory.ClientWithToken(token);
        await (await client.PostAsync($"/v1/invitations/{code}/accept", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
