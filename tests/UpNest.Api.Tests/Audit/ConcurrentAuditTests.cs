using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Api.Tests.Sharing;
using UpNest.Core.Audit;

namespace UpNest.Api.Tests.Audit;

/// <summary>A parent's phone and a grandparent's tablet reading one baby at once are never refused.</summary>
public sealed class ConcurrentAuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Readers = 64;
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task Sixty_four_concurrent_readers_of_one_baby_all_succeed_and_leave_one_chained_event_each()
    {
        var owner = await _factory.SignUpAsync();
        var viewer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.ShareWithAsync(babyId, viewer, "viewer");
        var store = _factory.Services.GetRequiredService<IAuditStore>();
        var before = await store.ReadChainAsync(babyId, CancellationToken.None).CountAsync();

        using var start = new SemaphoreSlim(0);
        var reads = Enumerable.Range(0, Readers).Select(async i =>
        {
            await start.WaitAsync();
            var response = await (i % 2 == 0 ? owner : viewer).Client.GetAsync($"/v1/babies/{babyId}");
            return response.StatusCode;
        }).ToList();
        start.Release(Readers);
        var answers = await Task.WhenAll(reads);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var chain = await store.ReadChainAsync(babyId, CancellationToken.None).ToListAsync();
        var reads64 = chain.Skip(before).ToList();
        Assert.Equal(Readers, reads64.Count);
        Assert.All(reads64, e => Assert.Equal(AuditActions.BabyRead, e.Action));
        Assert.Equal(Readers / 2, reads64.Count(e => e.ActorId == viewer.Id));
        Assert.Equal(Readers, reads64.Select(e => e.RequestId).Distinct().Count());
        var verification = await AuditChain.VerifyAsync(store.ReadChainAsync(babyId, CancellationToken.None), CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(before + Readers, verification.Count);
    }
}
