using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

/// <summary>Lifetimes on the app's injected clock: 15 minutes for access tokens, 30 idle days for refresh tokens.</summary>
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly UpNestFactory _factory;

    public TokenLifetimeTests() => _factory = new UpNestFactory(clock: _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_access_token_works_for_15_minutes_and_not_after()
    {
        var user = await _factory.SignUpAsync();

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/v1/me")).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await (await user.Client.GetAsync("/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_unused_for_30_days_is_401()
    {
        var user = await _factory.SignUpAsync();
        using var client = _factory.CreateClient();

        _clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        await (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_still_works_after_the_access_token_ran_out()
    {
        var user = await _factory.SignUpAsync();
        using var client = _factory.CreateClient();
        _clock.Advance(TimeSpan.FromHours(2));

        var refresh = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = user.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        using var fresh = _factory.ClientWithToken((await refresh.ReadJsonAsync())["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/v1/me")).StatusCode);
    }
}
