using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Retention;
using UpNest.Core.Users;

namespace UpNest.Api.Tests.Retention;

public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private UpNestFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new UpNestFactory(clock: _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private RetentionService Retention => _factory.Services.GetRequiredService<RetentionService>();

    [Fact]
    public async Task A_deleted_baby_is_hidden_at_once_restorable_in_the_grace_period_and_purged_after_it()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync(dateOfBirth: "2026-01-10"))["id"]!.GetValue<string>();
        await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/measurements", new { measuredOn = "2026-02-01", weightKg = 4.2 });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/v1/babies/{babyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/v1/babies/{babyId}")).StatusCode);
        Assert.Empty((await (await owner.Client.GetAsync("/v1/babies")).ReadJsonAsync())["items"]!.AsArray());

        _clock.Advance(TimeSpan.FromDays(29));
        await Retention.PurgeAsync(Grace, CancellationToken.None);
        await owner.ReauthenticateAsync(_factory);
        var restored = await owner.Client.PostAsync($"/v1/babies/{babyId}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Single((await (await owner.Client.GetAsync($"/v1/babies/{babyId}/measurements")).ReadJsonAsync())["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/v1/babies/{babyId}")).StatusCode);
        _clock.Advance(TimeSpan.FromDays(31));
        await Retention.PurgeAsync(Grace, CancellationToken.None);
        await owner.ReauthenticateAsync(_factory);

        Assert.Null(await _factory.Services.GetRequiredService<IBabyStore>().GetWithGrantAsync(babyId, owner.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.PostAsync($"/v1/babies/{babyId}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task Purge_leaves_babies_inside_the_grace_period_alone()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync(dateOfBirth: "2026-01-10"))["id"]!.GetValue<string>();
        await owner.Client.DeleteAsync($"/v1/babies/{babyId}");

        _clock.Advance(TimeSpan.FromDays(10));
        await Retention.PurgeAsync(Grace, CancellationToken.None);

        Assert.NotNull(await _factory.Services.GetRequiredService<IBabyStore>().GetWithGrantAsync(babyId, owner.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_account_and_the_babies_it_alone_owns_are_purged_after_the_grace_period()
    {
        var parent = await _factory.SignUpAsync();
        var babyId = (await parent.CreateBabyAsync(dateOfBirth: "2026-01-10"))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await parent.Client.DeleteAsync("/v1/me")).StatusCode);

        _clock.Advance(TimeSpan.FromDays(31));
        await Retention.PurgeAsync(Grace, CancellationToken.None);

        Assert.Null(await _factory.Services.GetRequiredService<IUserStore>().GetAsync(parent.Id, CancellationToken.None));
        Assert.Null(await _factory.Services.GetRequiredService<IBabyStore>().GetWithGrantAsync(babyId, parent.Id, CancellationToken.None));
        using var anonymous = _factory.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = parent.Email, password = parent.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Audit_events_expire_after_their_retention()
    {
        var audit = _factory.Services.GetRequiredService<IAuditStore>();
        var subject = "retention-subject-" + Guid.NewGuid().ToString("N");
        var now = _clock.GetUtcNow();
        await audit.AppendBatchAsync([new AuditEvent
        {
            Subject = subject, Id = "e1", Position = 1, At = now, ActorId = "a", Action = "baby.read", Resource = "baby:x", Outcome = "success",
            Hash = "h1", ExpiresAt = now.AddDays(5),
        }], CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(4));
        await Retention.PurgeAsync(Grace, CancellationToken.None);
        Assert.NotNull(await audit.GetHeadAsync(subject, CancellationToken.None));

        _clock.Advance(TimeSpan.FromDays(2));
        await Retention.PurgeAsync(Grace, CancellationToken.None);
        Assert.Empty((await audit.ListBySubjectAsync(subject, new UpNest.Core.Common.PageRequest(10), CancellationToken.None)).Items);
    }
}
