using System.IO.Pipelines;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using UpNest.Api.Contracts;
using UpNest.Api.Growth;
using UpNest.Api.Http;

namespace UpNest.Benchmarks;

/// <summary>
/// The server-side work of POST /v1/growth/zscores/batch for 10,000 children: read the JSON body,
/// score every child, write the JSON answer, with the API's own settings and code
/// (<see cref="ApiJson"/> to read, <see cref="ZScoreBatch"/> to score and encode).
/// </summary>
// In process: the API's assembly graph (web SDK, FHIR) does not fit BenchmarkDotNet's generated project.
[MemoryDiagnoser]
[InProcess]
public class BatchEndpointBenchmarks
{
    private static readonly JsonSerializerOptions Api = ApiJson.CreateOptions();
    private static readonly PipeWriter Discard = PipeWriter.Create(Stream.Null);
    private byte[] _body = [];
    private ZScoreRequest?[] _parsed = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = BatchBodies.TenThousandChildren();
        _parsed = JsonSerializer.Deserialize<ZScoreRequest?[]>(_body, Api)!;
    }

    [Benchmark(Description = "batch of 10,000 children: parse, score, encode, write")]
    public async Task<long> ParseScoreEncode()
    {
        var requests = JsonSerializer.Deserialize<ZScoreRequest?[]>(_body, Api)!;
        var answer = ZScoreBatch.ScoreToJson(requests);
        await answer.WriteToAsync(Discard, CancellationToken.None);
        return answer.Length;
    }

    // The stages apart, to see where the time goes.
    [Benchmark(Description = "stage: parse 10,000 requests")]
    public int Parse() => JsonSerializer.Deserialize<ZScoreRequest?[]>(_body, Api)!.Length;

    [Benchmark(Description = "stage: score and encode 10,000 parsed requests")]
    public long ScoreEncode() => ZScoreBatch.ScoreToJson(_parsed).Length;
}
