using System.Net;
using System.Net.Http.Json;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

public sealed class RefreshTokenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = _factory.CreateClient();
        return await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });
    }

    private static async Task<(string Access, string Refresh)> TokensOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (body["accessToken"]!.GetValue<string>(), body["refreshToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_returns_a_new_working_pair()
    {
        var user = await _factory.SignUpAsync();

        var (access, refresh) = await TokensOf(await RefreshAsync(user.RefreshToken));

        Assert.NotEqual(user.RefreshToken, refresh);
        using var client = _factory.ClientWithToken(access);
        var me = await client.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await me.ReadJsonAsync()).Id());
    }

    [Fact]
    public async Task The_old_refresh_token_is_dead_after_use()
    {
        var user = await _factory.SignUpAsync();
        await TokensOf(await RefreshAsync(user.RefreshToken));

        var again = await RefreshAsync(user.RefreshToken);

        await again.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_an_old_refresh_token_revokes_the_whole_family_including_the_newest_token()
    {
        var user = await _factory.SignUpAsync();
        var (_, second) = await TokensOf(await RefreshAsync(user.RefreshToken));
        var (_, third) = await TokensOf(await RefreshAsync(second));

        await (await RefreshAsync(user.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        await (await RefreshAsync(third)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reuse_in_one_session_does_not_end_the_users_other_sessions()
    {
        var user = await _factory.SignUpAsync();
        using var anonymous = _factory.CreateClient();
        var (_, otherDevice) = await TestUsers.LoginAsync(anonymous, user.Email, user.Password);
        await TokensOf(await RefreshAsync(user.RefreshToken));
        await (await RefreshAsync(user.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var other = await RefreshAsync(otherDevice);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Logout_kills_the_refresh_token()
    {
        var user = await _factory.SignUpAsync();
        using var client = _factory.CreateClient();

        var logout = await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = user.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await (await RefreshAsync(user.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_with_an_unknown_token_is_401()
    {
        using var client = _factory.CreateClient();

        var logout = await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = "nobody.nofamily.nosecret" });

        await logout.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task A_made_up_refresh_token_is_401(string token) =>
        await (await RefreshAsync(token)).AssertProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_refresh_token_with_a_guessed_secret_is_401_and_leaves_the_real_one_working()
    {
        var user = await _factory.SignUpAsync();
        var parts = user.RefreshToken.Split('.');

        await (await RefreshAsync($"{parts[0]}.{parts[1]}.guessed")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);
    }
}
