using UpNest.Core.Telemetry;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Core.Accounts;

/// <summary>Built-in identity: registration, password login, refresh-token rotation with reuse detection.</summary>
public sealed class AccountService(
    IUserStore users,
    ISessionStore sessions,
    IPasswordHasher hasher,
    IIdGenerator ids,
    TimeProvider clock)
{
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    // Verifying against a real hash when the email is unknown keeps both failures equally slow.
    private readonly Lazy<string> _dummyHash = new(() => hasher.Hash("not-a-real-password-" + Guid.NewGuid()));

    public async Task<User> RegisterAsync(string? email, string? password, string? displayName, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var normalized = email is null ? null : Emails.Normalize(email);
        if (normalized is null || !Emails.IsValid(normalized))
        {
            errors.Add("email", "A valid email address is required.");
        }
        if (PasswordRules.Check(password, normalized) is { } problem)
        {
            errors.Add("password", problem);
        }
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("displayName", "A display name of 1 to 100 characters is required.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = ids.NewId(),
            Email = normalized,
            PasswordHash = hasher.Hash(password!),
            DisplayName = name!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await users.CreateAsync(user, ct);
        UpNestMetrics.Registered();
        return user;
    }

    public async Task<(User User, RefreshToken Token)> LoginAsync(string? email, string? password, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(Emails.Normalize(email), ct);
        var verified = hasher.Verify(user?.PasswordHash ?? _dummyHash.Value, password ?? string.Empty, out var needsRehash);
        if (user?.PasswordHash is null || !verified)
        {
            UpNestMetrics.LoginFailed();
            throw new UnauthorizedException("The email or password is not correct.");
        }
        if (needsRehash)
        {
            user = await users.UpdateAsync(user with { PasswordHash = hasher.Hash(password!) }, user.Version, ct);
        }
        var session = await StartSessionAsync(user.Id, ct);
        UpNestMetrics.LoggedIn();
        return (user, session);
    }

    public async Task<RefreshToken> StartSessionAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = new RefreshToken(userId, ids.NewId(), ids.NewSecret());
        await sessions.CreateAsync(new RefreshSession
        {
            UserId = userId,
            FamilyId = token.FamilyId,
            CurrentTokenHash = token.Hash,
            CreatedAt = now,
            ExpiresAt = now + RefreshLifetime,
        }, ct);
        return token;
    }

    /// <summary>Rotates the token. A token that was already rotated away is reuse: the family dies.</summary>
    public async Task<(User User, RefreshToken Token, bool ReuseDetected)> RefreshAsync(string? presented, CancellationToken ct)
    {
        var (session, token) = await FindSessionAsync(presented, ct);
        var now = clock.GetUtcNow();
        if (session.RevokedAt is not null || session.ExpiresAt <= now)
        {
            throw new UnauthorizedException("The refresh token is no longer valid.");
        }
        if (!string.Equals(session.CurrentTokenHash, token.Hash, StringComparison.Ordinal))
        {
            if (session.PreviousTokenHashes.Contains(token.Hash, StringComparer.Ordinal))
            {
                await sessions.ReplaceAsync(session with { RevokedAt = now }, session.Version, ct);
                throw new RefreshTokenReuseException(session.UserId);
            }
            throw new UnauthorizedException("The refresh token is no longer valid.");
        }

        var user = await users.GetAsync(session.UserId, ct) ?? throw new UnauthorizedException("The refresh token is no longer valid.");
        var next = token with { Secret = ids.NewSecret() };
        var previous = session.PreviousTokenHashes.Append(token.Hash).TakeLast(50).ToList();
        try
        {
            await sessions.ReplaceAsync(
                session with { CurrentTokenHash = next.Hash, PreviousTokenHashes = previous, ExpiresAt = now + RefreshLifetime },
                session.Version, ct);
        }
        catch (PreconditionFailedException)
        {
            // Another request rotated this token a moment ago: the same token was used twice.
            throw new UnauthorizedException("The refresh token is no longer valid.");
        }
        return (user, next, false);
    }

    public async Task LogoutAsync(string? presented, CancellationToken ct)
    {
        var (session, token) = await FindSessionAsync(presented, ct);
        if (!string.Equals(session.CurrentTokenHash, token.Hash, StringComparison.Ordinal))
        {
            throw new UnauthorizedException("The refresh token is no longer valid.");
        }
        if (session.RevokedAt is null)
        {
            await sessions.ReplaceAsync(session with { RevokedAt = clock.GetUtcNow() }, session.Version, ct);
        }
    }

    private async Task<(RefreshSession Session, RefreshToken Token)> FindSessionAsync(string? presented, CancellationToken ct)
    {
        if (!RefreshToken.TryParse(presented, out var token))
        {
            throw new UnauthorizedException("The refresh token is no longer valid.");
        }
        var session = await sessions.GetAsync(token.UserId, token.FamilyId, ct)
            ?? throw new UnauthorizedException("The refresh token is no longer valid.");
        return (session, token);
    }
}

/// <summary>A rotated-away refresh token came back: the family is revoked and the event must be audited.</summary>
public sealed class RefreshTokenReuseException(string userId) : DomainException("The refresh token is no longer valid.")
{
    public string UserId { get; } = userId;
}
