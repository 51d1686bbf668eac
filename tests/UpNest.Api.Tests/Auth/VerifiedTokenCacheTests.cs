using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Auth;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Auth;

/// <summary>A token's signature is checked once; a changed token is never served from the cache.</summary>
public sealed class VerifiedTokenCacheTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task A_token_is_verified_once_and_a_tampered_copy_is_refused()
    {
        var cache = _factory.Services.GetRequiredService<VerifiedTokenCache>();
        var user = await _factory.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/v1/me")).StatusCode);
        var cached = cache.Count;

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/v1/me")).StatusCode);
        Assert.Equal(cached, cache.Count);

        var signatureStart = user.AccessToken.LastIndexOf('.') + 1;
        var flipped = user.AccessToken[signatureStart] == 'A' ? 'B' : 'A';
        var tampered = user.AccessToken[..signatureStart] + flipped + user.AccessToken[(signatureStart + 1)..];
        using var forger = _factory.ClientWithToken(tampered);
        await (await forger.GetAsync("/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(cached, cache.Count);
    }
}
