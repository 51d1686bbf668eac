using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Babies;

public sealed class BabyListPagingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async Task Babies_page_by_cursor_without_repeats_or_gaps()
    {
        var user = await _factory.SignUpAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await user.CreateBabyAsync(name: $"Baby {i}")).Id());
        }

        var first = await user.Client.GetJsonAsync("/v1/babies?limit=2");
        var second = await user.Client.GetJsonAsync($"/v1/babies?limit=2&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        var third = await user.Client.GetJsonAsync($"/v1/babies?limit=2&cursor={Uri.EscapeDataString(second["nextCursor"]!.GetValue<string>())}");

        var seen = new[] { first, second, third }.SelectMany(p => p["items"]!.AsArray().Select(b => b!.AsObject().Id())).ToList();
        Assert.Equal([2, 2, 1], new[] { first, second, third }.Select(p => p["items"]!.AsArray().Count));
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Null(third["nextCursor"]);
    }

    [Fact]
    public async Task Another_users_babies_cursor_is_400()
    {
        var owner = await _factory.SignUpAsync();
        var other = await _factory.SignUpAsync();
        await owner.CreateBabyAsync();
        await owner.CreateBabyAsync();
        var cursor = (await owner.Client.GetJsonAsync("/v1/babies?limit=1"))["nextCursor"]!.GetValue<string>();

        var response = await other.Client.GetAsync($"/v1/babies?limit=1&cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-5")]
    public async Task A_limit_outside_1_to_200_is_400(string limit)
    {
        var user = await _factory.SignUpAsync();

        await (await user.Client.GetAsync($"/v1/babies?limit={limit}")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_400_not_500()
    {
        var user = await _factory.SignUpAsync();

        var response = await user.Client.GetAsync("/v1/babies?limit=ten");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
