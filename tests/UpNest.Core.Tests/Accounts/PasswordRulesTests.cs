using UpNest.Core.Accounts;

namespace UpNest.Core.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Fact]
    public void A_long_varied_password_passes() => Assert.Null(PasswordRules.Check("correct horse battery staple", "parent@example.com"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_password_is_rejected(string? password) => Assert.NotNull(PasswordRules.Check(password, null));

    [Fact]
    public void A_password_shorter_than_ten_characters_is_rejected()
    {
        Assert.NotNull(PasswordRules.Check("abcdefgh9", null));
        Assert.Null(PasswordRules.Check("abcdefgh90", null));
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_rejected()
    {
        var varied = string.Concat(Enumerable.Repeat("abcd", 40));
        Assert.NotNull(PasswordRules.Check(varied[..129], null));
        Assert.Null(PasswordRules.Check(varied[..128], null));
    }

    [Fact]
    public void A_repetitive_password_is_rejected() => Assert.NotNull(PasswordRules.Check("abababababababab", null));

    [Fact]
    public void The_email_address_is_not_a_password() =>
        Assert.NotNull(PasswordRules.Check("Parent@Example.com", "parent@example.com"));
}
