using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace UpNest.Api.Tests.Infrastructure;

/// <summary>
/// The real app on a real store: a fresh SQLite file per factory, or DynamoDB Local with a random
/// table prefix when UPNEST_TEST_STORAGE=DynamoDb (the test script runs the suite both ways).
/// </summary>
public sealed class UpNestFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _configureServices;

    public UpNestFactory(IDictionary<string, string?>? settings = null, string? databasePath = null, FakeTimeProvider? clock = null,
        Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "upnest-tests", Guid.NewGuid().ToString("N") + ".db");
        Clock = clock;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["RateLimits:AuthPerMinute"] = "10000",
            ["RateLimits:PerUserPerMinute"] = "100000",
        };
        if (TestStorage.IsDynamoDb)
        {
            _settings["Storage:Provider"] = "DynamoDb";
            _settings["Storage:DynamoDb:ServiceUrl"] = TestStorage.DynamoDbUrl;
            _settings["Storage:DynamoDb:Region"] = "us-east-1";
            _settings["Storage:DynamoDb:TablePrefix"] = TablePrefix ??= $"t{Guid.NewGuid():N}"[..12] + "-";
            _settings["Storage:DynamoDb:CreateTables"] = "true";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public string? TablePrefix { get; private set; }

    public FakeTimeProvider? Clock { get; }

    /// <summary>A second app instance on the same store, as after a restart.</summary>
    public UpNestFactory Restarted(IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(_settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }
        return new UpNestFactory(merged, DatabasePath, Clock);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.UseSetting("Storage:Provider", _settings["Storage:Provider"]);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }
}

public static class TestStorage
{
    public static bool IsDynamoDb =>
        string.Equals(Environment.GetEnvironmentVariable("UPNEST_TEST_STORAGE"), "DynamoDb", StringComparison.OrdinalIgnoreCase);

    public static string DynamoDbUrl => Environment.GetEnvironmentVariable("UPNEST_DYNAMODB_URL")
        ?? throw new InvalidOperationException("UPNEST_TEST_STORAGE=DynamoDb needs UPNEST_DYNAMODB_URL (the test script starts DynamoDB Local).");
}
