using System.Net.Mail;

namespace UpNest.Core.Accounts;

public static class Emails
{
    /// <summary>Trimmed and lower-cased: one person, one account, whatever the capitals.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string email)
    {
        if (email.Length is < 3 or > 254 || email.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        return MailAddress.TryCreate(email, out var parsed)
            && string.Equals(parsed.Address, email, StringComparison.OrdinalIgnoreCase)
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
