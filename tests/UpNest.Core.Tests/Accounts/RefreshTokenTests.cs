using UpNest.Core.Accounts;
using UpNest.Core.Common;

namespace UpNest.Core.Tests.Accounts;

public sealed class RefreshTokenTests
{
    [Fact]
    public void A_token_parses_back_from_its_text()
    {
        var token = new RefreshToken("user1", "family1", "s3cr3t-Value_x");

        Assert.True(RefreshToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
        Assert.Equal("user1.family1.s3cr3t-Value_x", token.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("user.family")]
    [InlineData("user.family.secret.extra")]
    [InlineData("user..secret")]
    [InlineData(".family.secret")]
    public void Text_that_is_not_three_non_empty_parts_does_not_parse(string? text)
    {
        Assert.False(RefreshToken.TryParse(text, out var token));
        Assert.Equal(default, token);
    }

    [Fact]
    public void A_part_longer_than_100_characters_does_not_parse() =>
        Assert.False(RefreshToken.TryParse("user.family." + new string('s', 101), out _));

    [Fact]
    public void Only_a_hash_of_the_whole_token_is_kept_and_it_changes_with_the_secret()
    {
        var token = new RefreshToken("user1", "family1", "secret-a");

        Assert.Equal(Hashing.Sha256Hex("user1.family1.secret-a"), token.Hash);
        Assert.DoesNotContain("secret-a", token.Hash, StringComparison.Ordinal);
        Assert.NotEqual(token.Hash, (token with { Secret = "secret-b" }).Hash);
    }
}
