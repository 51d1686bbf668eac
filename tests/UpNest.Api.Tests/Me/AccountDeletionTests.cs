using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Me;

public sealed class AccountDeletionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task A_deleted_account_can_only_read_its_profile_until_it_is_restored()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(name: "Ada")).Id();

        var delete = await user.Client.DeleteAsync("/v1/me");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        var me = await user.Client.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.NotNull((await me.ReadJsonAsync())["deletedAt"]);
        await (await user.Client.GetAsync("/v1/babies")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.Client.GetAsync($"/v1/babies/{babyId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.Client.SendJsonAsync(HttpMethod.Patch, "/v1/me", new { displayName = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var restore = await user.Client.PostAsync("/v1/me/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Null((await restore.ReadJsonAsync())["deletedAt"]);

        var babies = await user.Client.GetAsync("/v1/babies");
        Assert.Equal(HttpStatusCode.OK, babies.StatusCode);
        var items = (await babies.ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(babyId, Assert.Single(items)!.AsObject().Id());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/v1/babies/{babyId}")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_account_can_still_log_in()
    {
        var user = await _factory.SignUpAsync();
        await user.Client.DeleteAsync("/v1/me");
        using var anonymous = _factory.CreateClient();

        var (access, _) = await TestUsers.LoginAsync(anonymous, user.Email, user.Password);

        using var client = _factory.ClientWithToken(access);
        Assert.NotNull((await client.GetJsonAsync("/v1/me"))["deletedAt"]);
    }

    [Fact]
    public async Task A_babys_records_are_hidden_from_a_deleted_owner_and_back_after_restore()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();
        var measurement = await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.2 });
        await user.Client.DeleteAsync("/v1/me");

        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await user.Client.PostAsync("/v1/me/restore", null);
        var list = await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements");
        Assert.Equal(measurement.Id(), Assert.Single(list["items"]!.AsArray())!.AsObject().Id());
    }

    [Fact]
    public async Task Restoring_an_account_that_is_not_deleted_changes_nothing()
    {
        var user = await _factory.SignUpAsync();

        var restore = await user.Client.PostAsync("/v1/me/restore", null);

        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(1, (await restore.ReadJsonAsync())["version"]!.GetValue<long>());
    }
}
