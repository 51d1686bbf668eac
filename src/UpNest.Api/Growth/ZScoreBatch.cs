using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UpNest.Api.Contracts;

namespace UpNest.Api.Growth;

/// <summary>The batch calculator's work, shared by the endpoint and its benchmark.</summary>
public static class ZScoreBatch
{
    public const int MaxItems = 10_000;

    private const int SliceSize = 500;

    /// <summary>The answer's serializer: generated code, not reflection.</summary>
    public static JsonTypeInfo<ZScoreResultSet[]> ResponseJson => GrowthJsonContext.Default.ZScoreResultSetArray;

    /// <summary>
    /// Scores every item and encodes the answer, a JSON array in the request's order; a bad item
    /// carries its own errors. Items are independent, so a large batch is cut into slices that are
    /// scored and encoded on the machine's cores at once, each into its own buffer.
    /// </summary>
    public static ZScoreBatchAnswer ScoreToJson(ZScoreRequest?[] items)
    {
        var slices = new byte[(items.Length + SliceSize - 1) / SliceSize][];
        if (slices.Length == 1)
        {
            slices[0] = EncodeSlice(items, 0);
        }
        else if (slices.Length > 1)
        {
            Parallel.For(0, slices.Length, slice => slices[slice] = EncodeSlice(items, slice));
        }
        return new ZScoreBatchAnswer(slices);
    }

    private static byte[] EncodeSlice(ZScoreRequest?[] items, int slice)
    {
        var start = slice * SliceSize;
        var results = new ZScoreResultSet[Math.Min(SliceSize, items.Length - start)];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = ZScoreRequests.CalculateItem(items[start + i]);
        }
        return JsonSerializer.SerializeToUtf8Bytes(results, ResponseJson);
    }
}

/// <summary>An encoded batch answer: each slice is a JSON array; written out as one array.</summary>
public sealed class ZScoreBatchAnswer(byte[][] slices) : IResult
{
    private static readonly ReadOnlyMemory<byte> Comma = ","u8.ToArray();
    private static readonly ReadOnlyMemory<byte> EmptyArray = "[]"u8.ToArray();

    /// <summary>Bytes of the whole array: each slice's brackets go, one pair and the commas between slices come.</summary>
    public long Length => slices.Length == 0 ? 2 : slices.Sum(s => (long)s.Length) - slices.Length + 1;

    public async Task WriteToAsync(PipeWriter output, CancellationToken ct)
    {
        if (slices.Length == 0)
        {
            await output.WriteAsync(EmptyArray, ct);
            return;
        }
        var last = slices.Length - 1;
        for (var i = 0; i <= last; i++)
        {
            // Every slice holds at least one item: "[a,b]". The first keeps its "[", the last its "]",
            // and each joint "]" + "[" becomes ",".
            var slice = slices[i];
            var start = i == 0 ? 0 : 1;
            var end = i == last ? slice.Length : slice.Length - 1;
            await output.WriteAsync(slice.AsMemory(start, end - start), ct);
            if (i < last)
            {
                await output.WriteAsync(Comma, ct);
            }
        }
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = Length;
        return WriteToAsync(httpContext.Response.BodyWriter, httpContext.RequestAborted);
    }
}
