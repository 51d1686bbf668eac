namespace UpNest.Api.Tests.Infrastructure;

/// <summary>
/// One app (and store) shared by the tests of a class. Each test signs up its own users, so the
/// tests stay independent of each other and of their order.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public UpNestFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        _ = Factory.Server; // start the host once, before the first test
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
