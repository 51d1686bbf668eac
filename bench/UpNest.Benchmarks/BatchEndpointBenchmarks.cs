using System.Text.Json;
using BenchmarkDotNet.Attributes;
using UpNest.Api.Contracts;
using UpNest.Api.Growth;

namespace UpNest.Benchmarks;

/// <summary>
/// The server-side work of POST /v1/growth/zscores/batch for 10,000 children: read the JSON body,
/// score every child, write the JSON answer, with the API's own serializer settings and code.
/// </summary>
// In process: the API's assembly graph (web SDK, FHIR) does not fit BenchmarkDotNet's generated project.
[MemoryDiagnoser]
[InProcess]
public class BatchEndpointBenchmarks
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var children = Enumerable.Range(0, 10_000).Select(i => new
        {
            sex = i % 2 == 0 ? "male" : "female",
            ageDays = random.Next(0, 1800),
            weightKg = Math.Round(3 + (random.NextDouble() * 15), 2),
            lengthCm = Math.Round(50 + (random.NextDouble() * 60), 1),
            headCircumferenceCm = Math.Round(34 + (random.NextDouble() * 14), 1),
        });
        _body = JsonSerializer.SerializeToUtf8Bytes(children, Web);
    }

    [Benchmark(Description = "batch of 10,000 children: parse, score, serialize")]
    public int ParseScoreSerialize()
    {
        var requests = JsonSerializer.Deserialize<ZScoreRequest?[]>(_body, Web)!;
        var results = new ZScoreResultSet[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            results[i] = ZScoreRequests.CalculateItem(requests[i]);
        }
        return JsonSerializer.SerializeToUtf8Bytes(results, Web).Length;
    }
}
