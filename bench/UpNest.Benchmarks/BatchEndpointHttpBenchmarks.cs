using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UpNest.Benchmarks;

/// <summary>
/// POST /v1/growth/zscores/batch through the whole app in process (ASP.NET
/// Core's test server: middleware, authentication, rate limits, body binding, endpoint, response
/// writing) on a SQLite store, so no network time is counted. The client sends prepared bytes and
/// reads the answer to its end without keeping it.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the app.")]
public class BatchEndpointHttpBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "upnest-bench-" + Guid.NewGuid().ToString("N"));
    private BenchApp? _app;
    private HttpClient? _client;
    private byte[] _body = [];

    /// <summary>One child shows the fixed cost of a request (authentication, middleware); 10,000 is the target.</summary>
    [Params(1, 10_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _body = BatchBodies.Children(Children);
        Directory.CreateDirectory(_directory);
        _app = new BenchApp(Path.Combine(_directory, "upnest.db"));
        using var anonymous = _app.CreateClient();
        var account = new { email = "bench@example.com", password = "correct horse battery staple", displayName = "Bench" };
        (await anonymous.PostAsJsonAsync("/v1/auth/register", account)).EnsureSuccessStatusCode();
        var login = await anonymous.PostAsJsonAsync("/v1/auth/login", new { account.email, account.password });
        var token = (await login.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    [Benchmark(Description = "POST /v1/growth/zscores/batch, whole app in process")]
    public async Task<long> PostBatch()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/growth/zscores/batch", UriKind.Relative)) { Content = content };
        // The answer is read to its end but not kept: buffering 5 MB is the client's cost, not the server's.
        using var response = await _client!.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return response.Content.Headers.ContentLength ?? 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _app?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class BenchApp(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(ApiProjectDirectory());
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:Sqlite:Path", databasePath);
            // The per-user limit is for people; the benchmark sends hundreds of batches a minute.
            builder.UseSetting("RateLimits:PerUserPerMinute", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        // The factory's guess (solution folder + assembly name) does not fit the src/ layout.
        private static string ApiProjectDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx")))
                {
                    return Path.Combine(dir.FullName, "src", "UpNest.Api");
                }
            }
            throw new InvalidOperationException("Run the benchmarks from inside the repository.");
        }
    }
}
