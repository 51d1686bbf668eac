using Microsoft.AspNetCore.Identity;

namespace UpNest.Api.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 (HMAC-SHA512, 100,000 iterations) behind the Core port.</summary>
public sealed class AspNetPasswordHasher : UpNest.Core.Accounts.IPasswordHasher
{
    private static readonly UpNest.Core.Users.User Nobody = new() { Id = string.Empty, DisplayName = string.Empty };
    private readonly PasswordHasher<UpNest.Core.Users.User> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public bool Verify(string hash, string password, out bool needsRehash)
    {
        var result = _hasher.VerifyHashedPassword(Nobody, hash, password);
        needsRehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }
}
