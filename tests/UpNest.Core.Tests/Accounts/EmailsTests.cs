using UpNest.Core.Accounts;

namespace UpNest.Core.Tests.Accounts;

public sealed class EmailsTests
{
    [Fact]
    public void Normalize_trims_and_lower_cases_so_one_person_has_one_account() =>
        Assert.Equal("parent@example.com", Emails.Normalize("  Parent@Example.COM \t"));

    [Theory]
    [InlineData("parent@example.com")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    public void A_normal_address_is_valid(string email) => Assert.True(Emails.IsValid(email));

    [Theory]
    [InlineData("")]
    [InlineData("a@")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("parent@localhost")]
    [InlineData("two words@example.com")]
    [InlineData("Name <parent@example.com>")]
    public void Anything_that_is_not_a_plain_address_is_invalid(string email) => Assert.False(Emails.IsValid(email));

    [Fact]
    public void An_address_longer_than_254_characters_is_invalid() =>
        Assert.False(Emails.IsValid(new string('a', 64) + "@" + new string('b', 186) + ".com"));
}
