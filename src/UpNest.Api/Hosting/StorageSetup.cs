using Microsoft.Extensions.Options;
using UpNest.Storage.DynamoDb;
using UpNest.Storage.Sqlite;

namespace UpNest.Api.Hosting;

public static class StorageSetup
{
    /// <summary>The one place that knows which store runs; everything else sees only the ports.</summary>
    public static IServiceCollection AddUpNestStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration[$"{StorageOptions.Section}:Provider"] ?? "Sqlite";
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration[$"{SqliteOptions.Section}:Path"] ?? new SqliteOptions().Path;
            services.AddSqliteStorage(path);
        }
        else if (string.Equals(provider, "DynamoDb", StringComparison.OrdinalIgnoreCase))
        {
            AddDynamoDb(services, configuration);
        }
        else
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), ["Storage:Provider must be Sqlite or DynamoDb."]);
        }
        return services;
    }

    private static void AddDynamoDb(IServiceCollection services, IConfiguration configuration) =>
        services.AddDynamoDbStorage(configuration.GetSection("Storage:DynamoDb"));
}
