using System.Diagnostics.Metrics;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Core.Milestones;
using UpNest.Core.Security;
using UpNest.Core.Sharing;
using UpNest.Core.Users;
using UpNest.Core.Vaccinations;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using UpNest.Storage.DynamoDb.Stores;

namespace UpNest.Storage.DynamoDb;

public static class DynamoDbStorageExtensions
{
    /// <summary>
    /// Registers every storage port on DynamoDB, configured from the <c>Storage:DynamoDb</c> section.
    /// <paramref name="configureClient"/> lets tests reach the SDK's HTTP pipeline.
    /// </summary>
    public static IServiceCollection AddDynamoDbStorage(
        this IServiceCollection services, IConfiguration storageDynamoDbSection, Action<AmazonDynamoDBConfig>? configureClient = null)
    {
        services.AddOptions<DynamoDbStorageOptions>()
            .Bind(storageDynamoDbSection)
            .Validate(o => !o.Validate().Any(), "Storage:DynamoDb is not valid: check ServiceUrl, TablePrefix and the retry settings.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new DynamoClientHolder(CreateClient(Options(sp), configureClient)));
        services.AddSingleton(sp => new TablePrefix(Options(sp).TablePrefix));
        services.AddSingleton(sp =>
        {
            var options = Options(sp);
            return new StoreRetryPolicy(
                options.MaxAttempts,
                TimeSpan.FromMilliseconds(options.BaseBackoffMilliseconds),
                TimeSpan.FromMilliseconds(options.MaxBackoffMilliseconds),
                // Backoff waits on a real service, so it runs on real time even when the host's
                // TimeProvider is a test's fake clock (that clock would never let the delay end).
                TimeProvider.System);
        });
        services.AddSingleton(sp =>
        {
            var meter = sp.GetService<IMeterFactory>()?.Create(CapacityMetrics.MeterName) ?? new Meter(CapacityMetrics.MeterName);
            var prefix = Options(sp).TablePrefix;
            return new CapacityMetrics(meter, physical => physical.StartsWith(prefix, StringComparison.Ordinal) ? physical[prefix.Length..] : physical);
        });
        services.AddSingleton(sp => new DynamoGateway(
            sp.GetRequiredService<DynamoClientHolder>().Client,
            sp.GetRequiredService<TablePrefix>(),
            sp.GetRequiredService<StoreRetryPolicy>(),
            sp.GetRequiredService<CapacityMetrics>()));
        services.AddSingleton(sp => new TableProvisioner(
            sp.GetRequiredService<DynamoClientHolder>().Client, sp.GetRequiredService<TablePrefix>().Value));

        services.AddSingleton<IStorageLifecycle>(sp => new DynamoStorageLifecycle(
            sp.GetRequiredService<TableProvisioner>(), Options(sp).CreateTables));
        services.AddSingleton<IUserStore, DynamoUserStore>();
        services.AddSingleton<ISessionStore, DynamoSessionStore>();
        services.AddSingleton<IIdempotencyStore, DynamoIdempotencyStore>();
        services.AddSingleton<IKeyStore, DynamoKeyStore>();
        services.AddSingleton<IBabyStore, DynamoBabyStore>();
        services.AddSingleton<IMeasurementStore, DynamoMeasurementStore>();
        services.AddSingleton<IAuditStore, DynamoAuditStore>();
        services.AddSingleton<IVaccinationStore, DynamoVaccinationStore>();
        services.AddSingleton<IReminderOutbox, DynamoReminderOutbox>();
        services.AddSingleton<IMilestoneStore, DynamoMilestoneStore>();
        services.AddSingleton<IInvitationStore, DynamoInvitationStore>();
        return services;
    }

    private static DynamoDbStorageOptions Options(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<DynamoDbStorageOptions>>().Value;

    /// <summary>A client for the options: DynamoDB Local with dummy credentials, or AWS with the SDK's chain.</summary>
    public static IAmazonDynamoDB CreateClient(DynamoDbStorageOptions options, Action<AmazonDynamoDBConfig>? configure = null)
    {
        // Our StoreRetryPolicy owns retries (budget + 503); SDK retries underneath it would multiply the wait.
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = 0 };
        if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            configure?.Invoke(config);
            return new AmazonDynamoDBClient(config);
        }
        config.ServiceURL = options.ServiceUrl;
        config.AuthenticationRegion = options.Region ?? "us-east-1";
        configure?.Invoke(config);
        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }
}

/// <summary>Keeps the store's client private to the store, so it never collides with a host's own IAmazonDynamoDB.</summary>
internal sealed class DynamoClientHolder(IAmazonDynamoDB client) : IDisposable
{
    public IAmazonDynamoDB Client { get; } = client;

    public void Dispose() => Client.Dispose();
}
