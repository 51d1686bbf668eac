using UpNest.Api.Auth;
using UpNest.Api.Http;
using UpNest.Core.Common;

namespace UpNest.Api.Hosting;

/// <summary>Before the first request: migrate or check the store, load signing and cursor keys.</summary>
public sealed class StartupInitializer(IStorageLifecycle storage, SigningKeyRing signingKeys, CursorProtector cursors) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken);
        await signingKeys.LoadAsync(cancellationToken);
        await cursors.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
