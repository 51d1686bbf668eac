using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class SessionStoreContract(StoreHarness harness)
{
    private readonly ISessionStore _sessions = harness.Get<ISessionStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    /// <summary>Sessions belong to an account (SQLite enforces it with a foreign key).</summary>
    private async Task<string> NewUserAsync()
    {
        var user = TestData.User();
        await harness.Get<IUserStore>().CreateAsync(user, _ct);
        return user.Id;
    }

    [Fact]
    public async Task A_created_session_reads_back_as_written()
    {
        var session = TestData.Session(await NewUserAsync()) with { PreviousTokenHashes = ["h0"] };
        await _sessions.CreateAsync(session, _ct);

        var read = await _sessions.GetAsync(session.UserId, session.FamilyId, _ct);

        Assert.NotNull(read);
        Assert.Equal(session.CurrentTokenHash, read.CurrentTokenHash);
        Assert.Equal(["h0"], read.PreviousTokenHashes);
        Assert.Equal(session.ExpiresAt, read.ExpiresAt);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Replace_with_the_current_version_rotates_and_bumps_the_version()
    {
        var session = TestData.Session(await NewUserAsync());
        await _sessions.CreateAsync(session, _ct);

        await _sessions.ReplaceAsync(session with { CurrentTokenHash = "h2", PreviousTokenHashes = ["h1"] }, 1, _ct);

        var read = await _sessions.GetAsync(session.UserId, session.FamilyId, _ct);
        Assert.Equal("h2", read!.CurrentTokenHash);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Replace_with_a_stale_version_fails_so_a_raced_refresh_cannot_rotate_twice()
    {
        var session = TestData.Session(await NewUserAsync());
        await _sessions.CreateAsync(session, _ct);
        await _sessions.ReplaceAsync(session with { CurrentTokenHash = "winner" }, 1, _ct);

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => _sessions.ReplaceAsync(session with { CurrentTokenHash = "loser" }, 1, _ct));
        Assert.Equal("winner", (await _sessions.GetAsync(session.UserId, session.FamilyId, _ct))!.CurrentTokenHash);
    }

    [Fact]
    public async Task RevokeAll_revokes_every_family_of_the_user_and_no_one_else()
    {
        var userId = await NewUserAsync();
        var first = TestData.Session(userId);
        var second = TestData.Session(userId);
        var stranger = TestData.Session(await NewUserAsync());
        foreach (var session in new[] { first, second, stranger })
        {
            await _sessions.CreateAsync(session, _ct);
        }
        var at = TestData.Now.AddMinutes(5);

        await _sessions.RevokeAllAsync(userId, at, _ct);

        Assert.Equal(at, (await _sessions.GetAsync(userId, first.FamilyId, _ct))!.RevokedAt);
        Assert.Equal(at, (await _sessions.GetAsync(userId, second.FamilyId, _ct))!.RevokedAt);
        Assert.Null((await _sessions.GetAsync(stranger.UserId, stranger.FamilyId, _ct))!.RevokedAt);
    }
}
