using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using UpNest.Api.Contracts;
using UpNest.Api.Growth;
using UpNest.Api.Http;

namespace UpNest.Api.Tests.Growth;

/// <summary>
/// The batch answer is scored and encoded in slices and joined; it must be byte for byte what
/// the API's ordinary JSON settings would write for the same results, in order.
/// </summary>
public sealed class ZScoreBatchTests
{
    private static readonly JsonSerializerOptions Api = ApiJson.CreateOptions();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(499)]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(1000)]
    [InlineData(2345)]
    public async Task Answer_is_the_results_in_order_as_the_API_would_write_them(int count)
    {
        var items = Enumerable.Range(0, count).Select(Item).ToArray();
        var expected = JsonSerializer.Serialize(items.Select(ZScoreRequests.CalculateItem).ToArray(), Api);

        var answer = ZScoreBatch.ScoreToJson(items);
        var output = new MemoryStream();
        var writer = PipeWriter.Create(output);
        await answer.WriteToAsync(writer, CancellationToken.None);
        await writer.CompleteAsync();

        var bytes = output.ToArray();
        var written = Encoding.UTF8.GetString(bytes);
        Assert.Equal(expected, written);
        Assert.Equal(bytes.Length, answer.Length);
        Assert.Equal(count, JsonDocument.Parse(written).RootElement.GetArrayLength());
    }

    /// <summary>A mix: ordinary children, preterm, oedema, implausible values, bad items and missing items.</summary>
    private static ZScoreRequest? Item(int i) => (i % 7) switch
    {
        0 => null,
        1 => new ZScoreRequest("unknown", null, null, 10, null, 3.0, null, null, null, null, null, null, null, null, null, null),
        2 => new ZScoreRequest("female", null, null, 40 + i, null, 3.1, 50, null, null, 35, null, null, null, null, 31, 2),
        3 => new ZScoreRequest("male", null, null, i % 1800, null, 9.5, null, 80, null, null, 14, 8, 7, true, null, null),
        4 => new ZScoreRequest("male", null, null, 400, null, 40, 60, null, null, null, null, null, null, null, null, null),
        5 => new ZScoreRequest("female", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1).AddDays(i), null, null, 4 + (i % 50) * 0.3, null, null, 55 + (i % 60), 38, null, null, null, null, null, null),
        _ => new ZScoreRequest("female", null, null, null, 90 + (i % 100), 25, null, 130, null, null, null, null, null, null, null, null),
    };
}
