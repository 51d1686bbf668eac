using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace UpNest.Api.Privacy;

/// <summary>Encrypts free-text notes before they reach any store; decrypts them on the way out.</summary>
public sealed class NoteProtector(IDataProtectionProvider provider)
{
    private const string Prefix = "dp1:";
    private readonly IDataProtector _protector = provider.CreateProtector("UpNest.Notes.v1");

    public string? Protect(string? note) => note is null ? null : Prefix + _protector.Protect(note);

    public string? Unprotect(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }
        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            // A note whose key is gone is unreadable, not a reason to fail the whole record.
            return null;
        }
    }
}
