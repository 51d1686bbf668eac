using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Storage.Contract.Harness;

/// <summary>
/// One store behind the ports, shared by the tests of one class. Tests never depend on each other:
/// every test makes its own ids, so they can share tables (or a file) and run in any order.
/// </summary>
public abstract class StoreHarness : IAsyncLifetime
{
    /// <summary>The stores' clock (idempotency expiry); tests may move it, but only forward.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected abstract void AddStore(IServiceCollection services);

    public virtual async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        AddStore(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await Get<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync() => await Services.DisposeAsync();

    /// <summary>The only way to a <see cref="BabyAccess"/>: through the authorizer, as the API does.</summary>
    public Task<BabyAccess> AccessAsync(string userId, string babyId) =>
        new BabyAuthorizer(Get<IBabyStore>()).AuthorizeAsync(userId, babyId, Role.Viewer, CancellationToken.None);
}
