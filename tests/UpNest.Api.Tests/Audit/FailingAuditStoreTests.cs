using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Audit;
using UpNest.Core.Common;

namespace UpNest.Api.Tests.Audit;

/// <summary>When the audit log cannot be written, the request fails instead of going unaudited.</summary>
public sealed class FailingAuditStoreTests : IAsyncLifetime
{
    private readonly UpNestFactory _factory = new();
    private readonly SwitchableAuditStore.Switch _switch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Reads_writes_and_logins_fail_with_a_problem_when_the_event_cannot_be_stored()
    {
        await using var host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var inner = services.Last(d => d.ServiceType == typeof(IAuditStore));
            services.Replace(ServiceDescriptor.Singleton<IAuditStore>(sp =>
                new SwitchableAuditStore((IAuditStore)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!), _switch)));
        }));
        using var anonymous = host.CreateClient();
        var email = $"parent-{Guid.NewGuid():N}@example.com";
        (await anonymous.PostAsJsonAsync("/v1/auth/register", new { email, password = TestUsers.Password, displayName = "P" })).EnsureSuccessStatusCode();
        var (token, _) = await TestUsers.LoginAsync(anonymous, email, TestUsers.Password);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var created = await client.PostAsJsonAsync("/v1/babies", new { name = "Mia", sex = "female", dateOfBirth = "2026-01-15" });
        var babyId = (await created.ReadJsonAsync()).Id();

        _switch.Failing = true;
        await (await client.GetAsync($"/v1/babies/{babyId}")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var write = await client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.1 });
        await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var login = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = TestUsers.Password });
        await login.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await client.GetAsync("/v1/me/export")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        _switch.Failing = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/babies/{babyId}")).StatusCode);
    }

    private sealed class SwitchableAuditStore(IAuditStore inner, SwitchableAuditStore.Switch state) : IAuditStore
    {
        public sealed class Switch
        {
            public volatile bool Failing;
        }

        public Task<IReadOnlyCollection<string>> AppendBatchAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct) =>
            state.Failing ? throw new InvalidOperationException("The audit store is down.") : inner.AppendBatchAsync(events, ct);

        public Task<AuditEvent?> GetHeadAsync(string subject, CancellationToken ct) => inner.GetHeadAsync(subject, ct);

        public Task<Page<AuditEvent>> ListBySubjectAsync(string subject, PageRequest page, CancellationToken ct) => inner.ListBySubjectAsync(subject, page, ct);

        public IAsyncEnumerable<AuditEvent> ReadChainAsync(string subject, CancellationToken ct) => inner.ReadChainAsync(subject, ct);

        public Task<Page<AuditEvent>> ListByActorAsync(string actorId, PageRequest page, CancellationToken ct) => inner.ListByActorAsync(actorId, page, ct);

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, int limit, CancellationToken ct) => inner.PurgeExpiredAsync(now, limit, ct);
    }
}
