using UpNest.Core.Common;

namespace UpNest.Core.Tests.Common;

public sealed class OptionalTests
{
    [Fact]
    public void An_absent_field_leaves_the_current_value() => Assert.Equal("kept", Optional<string>.Absent.Or("kept"));

    [Fact]
    public void A_field_sent_as_null_clears_the_value()
    {
        var cleared = Optional<string>.Of(null);

        Assert.True(cleared.IsSet);
        Assert.Null(cleared.Or("old"));
    }

    [Fact]
    public void A_field_sent_with_a_value_replaces_the_value() => Assert.Equal("new", Optional<string>.Of("new").Or("old"));

    [Fact]
    public void The_default_is_absent() => Assert.False(default(Optional<int?>).IsSet);
}
