using UpNest.Core.Common;
using UpNest.Core.Vaccinations;

namespace UpNest.Core.Tests.Vaccinations;

public sealed class InMemoryPageTests
{
    private static readonly IReadOnlyList<string> Items = ["a1", "a2", "b1", "b2", "c1"];

    [Fact]
    public void Pages_follow_the_key_of_the_last_item_until_the_end()
    {
        var first = InMemoryPage.Of(Items, i => i, new PageRequest(2));
        var second = InMemoryPage.Of(Items, i => i, new PageRequest(2, first.Next));
        var last = InMemoryPage.Of(Items, i => i, new PageRequest(2, second.Next));

        Assert.Equal(["a1", "a2"], first.Items);
        Assert.Equal(["b1", "b2"], second.Items);
        Assert.Equal(["c1"], last.Items);
        Assert.Null(last.Next);
    }

    [Fact]
    public void A_key_that_vanished_between_pages_resumes_after_where_it_would_be()
    {
        var page = InMemoryPage.Of(["a1", "b2", "c1"], i => i, new PageRequest(5, "b1"));

        Assert.Equal(["b2", "c1"], page.Items);
        Assert.Null(page.Next);
    }
}
