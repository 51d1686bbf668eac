using System.Net;
using System.Text.Json.Nodes;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Measurements;

/// <summary>Lists page by an opaque, signed cursor bound to the route, the baby and the filters.</summary>
public sealed class MeasurementPagingTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Recorded out of order on purpose: the list must come back oldest first.
    private static readonly string[] Dates = ["2026-03-05", "2026-01-20", "2026-04-01", "2026-02-10", "2026-01-16", "2026-03-20", "2026-02-25"];
    private readonly UpNestFactory _factory = app.Factory;

    private async Task<(TestUser User, string BabyId)> BabyWithSevenMeasurementsAsync(TestUser? user = null)
    {
        user ??= await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-15")).Id();
        for (var i = 0; i < Dates.Length; i++)
        {
            await user.CreateMeasurementAsync(babyId, new { measuredOn = Dates[i], weightKg = 3.5 + i * 0.1 });
        }
        return (user, babyId);
    }

    private static string[] MeasuredOn(JsonObject page) =>
        page["items"]!.AsArray().Select(m => m!["measuredOn"]!.GetValue<string>()).ToArray();

    private static string Cursor(JsonObject page) => Uri.EscapeDataString(page["nextCursor"]!.GetValue<string>());

    [Fact]
    public async Task Seven_measurements_come_in_pages_of_3_3_and_1_oldest_first()
    {
        var (user, babyId) = await BabyWithSevenMeasurementsAsync();
        var url = $"/v1/babies/{babyId}/measurements?limit=3";

        var first = await user.Client.GetJsonAsync(url);
        var second = await user.Client.GetJsonAsync($"{url}&cursor={Cursor(first)}");
        var third = await user.Client.GetJsonAsync($"{url}&cursor={Cursor(second)}");

        Assert.Equal(["2026-01-16", "2026-01-20", "2026-02-10"], MeasuredOn(first));
        Assert.Equal(["2026-02-25", "2026-03-05", "2026-03-20"], MeasuredOn(second));
        Assert.Equal(["2026-04-01"], MeasuredOn(third));
        Assert.Null(third["nextCursor"]);
    }

    [Fact]
    public async Task Without_a_limit_all_seven_fit_in_one_page()
    {
        var (user, babyId) = await BabyWithSevenMeasurementsAsync();

        var page = await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements");

        Assert.Equal(Dates.Order(StringComparer.Ordinal), MeasuredOn(page));
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task From_and_to_keep_the_measurements_between_them_inclusive()
    {
        var (user, babyId) = await BabyWithSevenMeasurementsAsync();

        var page = await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements?from=2026-01-20&to=2026-03-05");

        Assert.Equal(["2026-01-20", "2026-02-10", "2026-02-25", "2026-03-05"], MeasuredOn(page));
    }

    [Fact]
    public async Task A_filtered_list_pages_within_the_filter()
    {
        var (user, babyId) = await BabyWithSevenMeasurementsAsync();
        var url = $"/v1/babies/{babyId}/measurements?from=2026-02-01&limit=2";

        var first = await user.Client.GetJsonAsync(url);
        var second = await user.Client.GetJsonAsync($"{url}&cursor={Cursor(first)}");
        var third = await user.Client.GetJsonAsync($"{url}&cursor={Cursor(second)}");

        Assert.Equal(["2026-02-10", "2026-02-25", "2026-03-05", "2026-03-20", "2026-04-01"],
            MeasuredOn(first).Concat(MeasuredOn(second)).Concat(MeasuredOn(third)));
        Assert.Null(third["nextCursor"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    public async Task A_limit_of_0_or_201_is_400(string limit)
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();

        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?limit={limit}")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_limit_of_200_is_allowed()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?limit=200")).StatusCode);
    }

    [Fact]
    public async Task A_cursor_altered_by_one_character_is_400()
    {
        var (user, babyId) = await BabyWithSevenMeasurementsAsync();
        var cursor = (await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements?limit=3"))["nextCursor"]!.GetValue<string>();
        var chars = cursor.ToCharArray();
        chars[cursor.Length / 3] = chars[cursor.Length / 3] == 'A' ? 'B' : 'A';
        var altered = new string(chars);

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?limit=3&cursor={Uri.EscapeDataString(altered)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("eyJ4IjoxfQ.AAAA")]
    public async Task A_made_up_cursor_is_400(string cursor)
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();

        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?cursor={cursor}")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_cursor_from_one_baby_used_on_another_is_400()
    {
        var (user, babyA) = await BabyWithSevenMeasurementsAsync();
        var (_, babyB) = await BabyWithSevenMeasurementsAsync(user);
        var cursor = (await user.Client.GetJsonAsync($"/v1/babies/{babyA}/measurements?limit=3"))["nextCursor"]!.GetValue<string>();

        var response = await user.Client.GetAsync($"/v1/babies/{babyB}/measurements?limit=3&cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("&from=2026-01-01")]
    [InlineData("&to=2026-12-31")]
    [InlineData("&from=2026-01-16&to=2026-04-01")]
    public async Task A_cursor_used_with_other_filters_is_400(string otherFilters)
    {
        var (user, babyId) = await BabyWithSevenMeasurementsAsync();
        var cursor = (await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements?limit=3"))["nextCursor"]!.GetValue<string>();

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?limit=3{otherFilters}&cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_babies_list_cursor_is_not_a_measurements_cursor()
    {
        var user = await _factory.SignUpAsync();
        await user.CreateBabyAsync();
        var babyId = (await user.CreateBabyAsync()).Id();
        var cursor = (await user.Client.GetJsonAsync("/v1/babies?limit=1"))["nextCursor"]!.GetValue<string>();

        var response = await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task From_after_to_is_400()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();

        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?from=2026-05-01&to=2026-04-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    public async Task A_filter_that_is_not_a_date_is_400(string query, string field)
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();

        await (await user.Client.GetAsync($"/v1/babies/{babyId}/measurements?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
