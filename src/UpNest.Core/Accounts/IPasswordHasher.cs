namespace UpNest.Core.Accounts;

/// <summary>Port for a vetted password hash (the host plugs in ASP.NET Core Identity's PBKDF2 hasher).</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Verifies; <paramref name="needsRehash"/> is true when the hash uses outdated parameters.</summary>
    bool Verify(string hash, string password, out bool needsRehash);
}
