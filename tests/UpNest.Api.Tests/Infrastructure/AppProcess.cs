using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>
/// The real app as a separate process (`dotnet UpNest.Api.dll --urls … --Storage:Sqlite:Path=…`),
/// so a test can kill it without warning and start it again on the same database file.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress, Uri managementAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        ManagementAddress = managementAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The management listener (/metrics), on its own free port so parallel apps never collide.</summary>
    public Uri ManagementAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static async Task<AppProcess> StartAsync(string databasePath)
    {
        var port = FreePort();
        var managementPort = FreePort();
        var dll = ApiAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}", "--Storage:Provider=Sqlite", $"--Storage:Sqlite:Path={databasePath}",
            "--RateLimits:AuthPerMinute=1000", $"--Management:Url=http://127.0.0.1:{managementPort}",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{managementPort}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>kill -9: no shutdown hooks, no flushing, nothing graceful.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while starting.
            }
            await Task.Delay(100);
        }
        await KillAsync();
        throw new TimeoutException($"The app was not ready within {StartTimeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>UpNest.Api.dll next to the test assembly (the project reference copies it), else the Api project's own output.</summary>
    private static string ApiAssemblyPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "UpNest.Api.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "UpNest.Api.runtimeconfig.json")))
        {
            return beside;
        }
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "UpNest.Api")))
        {
            directory = directory.Parent;
        }
        var built = directory is null ? null
            : Directory.EnumerateFiles(Path.Combine(directory.FullName, "src", "UpNest.Api", "bin"), "UpNest.Api.dll", SearchOption.AllDirectories).FirstOrDefault();
        return built ?? throw new FileNotFoundException("UpNest.Api.dll was not found next to the tests or under src/UpNest.Api/bin.");
    }
}
