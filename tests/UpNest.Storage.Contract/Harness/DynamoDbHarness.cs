using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Storage.DynamoDb;
using UpNest.Storage.DynamoDb.Schema;
using UpNest.Testing;

namespace UpNest.Storage.Contract.Harness;

/// <summary>DynamoDB Local with a random table prefix per test class; the store creates its own tables.</summary>
public sealed class DynamoDbHarness : StoreHarness
{
    public string Prefix { get; } = $"t{Guid.NewGuid():N}"[..13] + "-";

    public string ServiceUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        ServiceUrl = await DynamoDbLocal.GetUrlAsync();
        await base.InitializeAsync();
    }

    protected override void AddStore(IServiceCollection services) =>
        services.AddDynamoDbStorage(Section(ServiceUrl, Prefix));

    public override async Task DisposeAsync()
    {
        await Get<TableProvisioner>().DeleteAllAsync(CancellationToken.None);
        await base.DisposeAsync();
    }

    public static IConfigurationSection Section(string serviceUrl, string prefix, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DynamoDb:ServiceUrl"] = serviceUrl,
            ["Storage:DynamoDb:Region"] = "us-east-1",
            ["Storage:DynamoDb:TablePrefix"] = prefix,
            ["Storage:DynamoDb:CreateTables"] = "true",
        };
        foreach (var (key, value) in overrides)
        {
            settings["Storage:DynamoDb:" + key] = value;
        }
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Storage:DynamoDb");
    }
}
