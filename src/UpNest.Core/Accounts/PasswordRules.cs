namespace UpNest.Core.Accounts;

/// <summary>NIST SP 800-63B style: long enough, not absurdly long, not the email, not trivially repetitive.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }
        if (password.Length < MinLength)
        {
            return $"The password must have at least {MinLength} characters.";
        }
        if (password.Length > MaxLength)
        {
            return $"The password must have at most {MaxLength} characters.";
        }
        if (password.Distinct().Count() < 4)
        {
            return "The password is too repetitive.";
        }
        if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not be your email address.";
        }
        return null;
    }
}
