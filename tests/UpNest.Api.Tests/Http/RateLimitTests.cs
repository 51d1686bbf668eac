using System.Net;
using System.Net.Http.Json;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Http;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_fourth_auth_request_in_a_minute_is_429_with_retry_after()
    {
        using var client = _factory.CreateClient();
        var attempt = new { email = "nobody@example.com", password = "not the password" };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/v1/auth/login", attempt)).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/v1/auth/login", attempt);

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task The_auth_limit_covers_every_auth_route()
    {
        using var client = _factory.CreateClient();
        await client.PostAsJsonAsync("/v1/auth/login", new { email = "a@example.com", password = "x" });
        await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = "a.b.c" });
        await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = "a.b.c" });

        var register = await client.PostAsJsonAsync("/v1/auth/register", new { email = "new@example.com", password = TestUsers.Password, displayName = "Sam" });

        await register.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(register.Headers.RetryAfter);
    }

}

public sealed class PerUserRateLimitTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new(new Dictionary<string, string?> { ["RateLimits:PerUserPerMinute"] = "5" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_user_over_the_per_user_limit_gets_429_and_others_do_not()
    {
        var busy = await _factory.SignUpAsync();
        var calm = await _factory.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.Client.GetAsync("/v1/me")).StatusCode);
        }

        var limited = await busy.Client.GetAsync("/v1/me");

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await calm.Client.GetAsync("/v1/me")).StatusCode);
    }
}
