using UpNest.Core.Common;

namespace UpNest.Core.Accounts;

/// <summary>
/// A refresh token as the client holds it: "userId.familyId.secret". The ids let the store find
/// the family with one GetItem; only the SHA-256 of the whole token is stored.
/// </summary>
public readonly record struct RefreshToken(string UserId, string FamilyId, string Secret)
{
    public override string ToString() => $"{UserId}.{FamilyId}.{Secret}";

    public string Hash => Hashing.Sha256Hex(ToString());

    public static bool TryParse(string? text, out RefreshToken token)
    {
        token = default;
        var parts = text?.Split('.') ?? [];
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 100))
        {
            return false;
        }
        token = new RefreshToken(parts[0], parts[1], parts[2]);
        return true;
    }
}
