using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class UserStoreContract(StoreHarness harness)
{
    private readonly IUserStore _users = harness.Get<IUserStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Created_user_is_found_by_id_and_by_email()
    {
        var user = TestData.User();
        await _users.CreateAsync(user, _ct);

        Assert.Equal(user, await _users.GetAsync(user.Id, _ct));
        Assert.Equal(user, await _users.FindByEmailAsync(user.Email!, _ct));
    }

    [Fact]
    public async Task Unknown_id_and_email_find_nothing()
    {
        Assert.Null(await _users.GetAsync(TestData.NewId(), _ct));
        Assert.Null(await _users.FindByEmailAsync($"{TestData.NewId()}@example.test", _ct));
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_a_conflict_and_stores_nothing()
    {
        var first = TestData.User();
        await _users.CreateAsync(first, _ct);
        var second = TestData.User(first.Email);

        await Assert.ThrowsAsync<ConflictException>(() => _users.CreateAsync(second, _ct));
        Assert.Null(await _users.GetAsync(second.Id, _ct));
        Assert.Equal(first.Id, (await _users.FindByEmailAsync(first.Email!, _ct))!.Id);
    }

    [Fact]
    public async Task Update_with_the_current_version_stores_the_next_version()
    {
        var user = TestData.User();
        await _users.CreateAsync(user, _ct);

        var updated = await _users.UpdateAsync(user with { DisplayName = "Renamed" }, 1, _ct);

        Assert.Equal(2, updated.Version);
        Assert.Equal("Renamed", (await _users.GetAsync(user.Id, _ct))!.DisplayName);
        Assert.Equal(2, (await _users.GetAsync(user.Id, _ct))!.Version);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_a_precondition_failure_and_changes_nothing()
    {
        var user = TestData.User();
        await _users.CreateAsync(user, _ct);
        await _users.UpdateAsync(user with { DisplayName = "First" }, 1, _ct);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => _users.UpdateAsync(user with { DisplayName = "Stale" }, 1, _ct));
        Assert.Equal("First", (await _users.GetAsync(user.Id, _ct))!.DisplayName);
    }

    [Fact]
    public async Task Changing_email_frees_the_old_address_and_refuses_a_taken_one()
    {
        var user = TestData.User();
        var other = TestData.User();
        await _users.CreateAsync(user, _ct);
        await _users.CreateAsync(other, _ct);
        var newEmail = $"{TestData.NewId()}@example.test";

        var moved = await _users.UpdateAsync(user with { Email = newEmail }, 1, _ct);

        Assert.Null(await _users.FindByEmailAsync(user.Email!, _ct));
        Assert.Equal(user.Id, (await _users.FindByEmailAsync(newEmail, _ct))!.Id);
        await Assert.ThrowsAsync<ConflictException>(() => _users.UpdateAsync(moved with { Email = other.Email }, 2, _ct));
        await _users.CreateAsync(TestData.User(user.Email), _ct);
    }

    [Fact]
    public async Task Soft_deleted_users_are_listed_for_the_purge_only_once_past_the_cutoff()
    {
        var cutoff = new DateTimeOffset(2001, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var old = TestData.User();
        var recent = TestData.User();
        var live = TestData.User();
        foreach (var user in new[] { old, recent, live })
        {
            await _users.CreateAsync(user, _ct);
        }
        await _users.UpdateAsync(old with { DeletedAt = cutoff.AddDays(-1) }, 1, _ct);
        await _users.UpdateAsync(recent with { DeletedAt = cutoff.AddDays(1) }, 1, _ct);

        var due = await _users.ListDeletedBeforeAsync(cutoff, 100, _ct);

        Assert.Contains(old.Id, due);
        Assert.DoesNotContain(recent.Id, due);
        Assert.DoesNotContain(live.Id, due);
    }

    [Fact]
    public async Task Purge_removes_the_user_with_sessions_and_idempotency_records_and_frees_the_email()
    {
        var user = TestData.User();
        await _users.CreateAsync(user, _ct);
        var session = TestData.Session(user.Id);
        await harness.Get<ISessionStore>().CreateAsync(session, _ct);
        await harness.Get<IIdempotencyStore>().TryAddAsync(TestData.Idempotency(user.Id, "k1"), _ct);

        await _users.PurgeAsync(user.Id, _ct);

        Assert.Null(await _users.GetAsync(user.Id, _ct));
        Assert.Null(await _users.FindByEmailAsync(user.Email!, _ct));
        Assert.Null(await harness.Get<ISessionStore>().GetAsync(user.Id, session.FamilyId, _ct));
        Assert.Null(await harness.Get<IIdempotencyStore>().GetAsync(user.Id, "k1", _ct));
        await _users.CreateAsync(TestData.User(user.Email), _ct);
    }
}
