using Microsoft.Extensions.Time.Testing;
using UpNest.Core.Accounts;
using UpNest.Core.Common;

namespace UpNest.Core.Tests.Accounts;

public sealed class AccountServiceTests
{
    private const string Password = "correct horse battery staple";
    private readonly InMemoryUserStore _users = new();
    private readonly InMemorySessionStore _sessions = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly AccountService _accounts;

    public AccountServiceTests() => _accounts = new AccountService(_users, _sessions, new FakePasswordHasher(), new SequentialIds(), _clock);

    private async Task<RefreshToken> SignedInAsync(string email = "parent@example.com")
    {
        await _accounts.RegisterAsync(email, Password, "Parent", CancellationToken.None);
        return (await _accounts.LoginAsync(email, Password, CancellationToken.None)).Token;
    }

    [Fact]
    public async Task Registering_stores_a_normalized_email_and_only_a_password_hash()
    {
        var user = await _accounts.RegisterAsync("  Parent@Example.COM ", Password, " Sam ", CancellationToken.None);

        var stored = _users.Users[user.Id];
        Assert.Equal("parent@example.com", stored.Email);
        Assert.Equal("Sam", stored.DisplayName);
        Assert.NotEqual(Password, stored.PasswordHash);
        Assert.Equal("new:" + Password, stored.PasswordHash);
    }

    [Fact]
    public async Task Registering_names_every_bad_field_at_once()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _accounts.RegisterAsync("not-an-email", "short", "", CancellationToken.None));

        Assert.Equal(["displayName", "email", "password"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(_users.Users);
    }

    [Fact]
    public async Task The_same_email_in_other_capitals_is_a_conflict()
    {
        await _accounts.RegisterAsync("parent@example.com", Password, "One", CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => _accounts.RegisterAsync("PARENT@example.com", Password, "Two", CancellationToken.None));
    }

    [Fact]
    public async Task Login_works_whatever_the_capitals_of_the_email()
    {
        var user = await _accounts.RegisterAsync("parent@example.com", Password, "Parent", CancellationToken.None);

        var (loggedIn, token) = await _accounts.LoginAsync("Parent@Example.com ", Password, CancellationToken.None);

        Assert.Equal(user.Id, loggedIn.Id);
        Assert.Equal(user.Id, token.UserId);
        Assert.Single(_sessions.Sessions);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_fail_alike()
    {
        await _accounts.RegisterAsync("parent@example.com", Password, "Parent", CancellationToken.None);

        var wrongPassword = await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.LoginAsync("parent@example.com", "wrong password!", CancellationToken.None));
        var unknownEmail = await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.LoginAsync("nobody@example.com", Password, CancellationToken.None));

        Assert.Equal(wrongPassword.Message, unknownEmail.Message);
        Assert.Empty(_sessions.Sessions);
    }

    [Fact]
    public async Task An_outdated_hash_is_replaced_at_login()
    {
        var user = await _accounts.RegisterAsync("parent@example.com", Password, "Parent", CancellationToken.None);
        _users.Users[user.Id] = _users.Users[user.Id] with { PasswordHash = "old:" + Password };

        await _accounts.LoginAsync("parent@example.com", Password, CancellationToken.None);

        Assert.Equal("new:" + Password, _users.Users[user.Id].PasswordHash);
    }

    [Fact]
    public async Task Refresh_hands_out_a_new_token_of_the_same_family_and_stores_only_its_hash()
    {
        var first = await SignedInAsync();

        var (_, second, reuse) = await _accounts.RefreshAsync(first.ToString(), CancellationToken.None);

        Assert.False(reuse);
        Assert.Equal(first.FamilyId, second.FamilyId);
        Assert.NotEqual(first.Secret, second.Secret);
        var session = _sessions.Sessions[(first.UserId, first.FamilyId)];
        Assert.Equal(second.Hash, session.CurrentTokenHash);
        Assert.Contains(first.Hash, session.PreviousTokenHashes);
    }

    [Fact]
    public async Task A_rotated_token_used_again_revokes_the_whole_family()
    {
        var first = await SignedInAsync();
        var (_, second, _) = await _accounts.RefreshAsync(first.ToString(), CancellationToken.None);

        var reuse = await Assert.ThrowsAsync<RefreshTokenReuseException>(() => _accounts.RefreshAsync(first.ToString(), CancellationToken.None));

        Assert.Equal(first.UserId, reuse.UserId);
        Assert.NotNull(_sessions.Sessions[(first.UserId, first.FamilyId)].RevokedAt);
        await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.RefreshAsync(second.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task Reuse_in_one_family_leaves_other_sessions_alone()
    {
        var phone = await SignedInAsync();
        var (_, laptop) = await _accounts.LoginAsync("parent@example.com", Password, CancellationToken.None);
        await _accounts.RefreshAsync(phone.ToString(), CancellationToken.None);

        await Assert.ThrowsAsync<RefreshTokenReuseException>(() => _accounts.RefreshAsync(phone.ToString(), CancellationToken.None));

        var (_, next, _) = await _accounts.RefreshAsync(laptop.ToString(), CancellationToken.None);
        Assert.Equal(laptop.FamilyId, next.FamilyId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("id1.nofamily.secret")]
    public async Task A_token_that_is_not_ours_is_refused(string? token)
    {
        await SignedInAsync();

        await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.RefreshAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task A_token_with_a_guessed_secret_is_refused_without_revoking_the_family()
    {
        var token = await SignedInAsync();

        await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.RefreshAsync((token with { Secret = "guess" }).ToString(), CancellationToken.None));

        Assert.Null(_sessions.Sessions[(token.UserId, token.FamilyId)].RevokedAt);
        await _accounts.RefreshAsync(token.ToString(), CancellationToken.None);
    }

    [Fact]
    public async Task A_session_expires_after_30_days_without_use()
    {
        var token = await SignedInAsync();

        _clock.Advance(TimeSpan.FromDays(30));

        await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.RefreshAsync(token.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task Each_refresh_extends_the_session()
    {
        var token = await SignedInAsync();
        _clock.Advance(TimeSpan.FromDays(20));
        var (_, next, _) = await _accounts.RefreshAsync(token.ToString(), CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(20));

        var (_, last, _) = await _accounts.RefreshAsync(next.ToString(), CancellationToken.None);
        Assert.Equal(token.FamilyId, last.FamilyId);
    }

    [Fact]
    public async Task Logout_revokes_the_family()
    {
        var token = await SignedInAsync();

        await _accounts.LogoutAsync(token.ToString(), CancellationToken.None);

        Assert.NotNull(_sessions.Sessions[(token.UserId, token.FamilyId)].RevokedAt);
        await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.RefreshAsync(token.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task Logout_with_a_rotated_away_token_is_refused()
    {
        var token = await SignedInAsync();
        await _accounts.RefreshAsync(token.ToString(), CancellationToken.None);

        await Assert.ThrowsAsync<UnauthorizedException>(() => _accounts.LogoutAsync(token.ToString(), CancellationToken.None));
    }
}
