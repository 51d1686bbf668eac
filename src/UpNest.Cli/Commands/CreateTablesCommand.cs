using UpNest.Storage.DynamoDb;
using UpNest.Storage.DynamoDb.Schema;

namespace UpNest.Cli.Commands;

/// <summary>`upnest db create-tables`: creates the missing tables, idempotently (local development, tests).</summary>
internal sealed class CreateTablesCommand : ICliCommand
{
    public string Name => "db create-tables";

    public string Usage => "[--service-url URL] [--region R] [--prefix P]";

    public string Summary => "Create the DynamoDB tables that do not exist yet (DynamoDB Local with --service-url, else AWS).";

    public async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct)
    {
        args.AllowOnly("service-url", "region", "prefix");
        var options = new DynamoDbStorageOptions
        {
            ServiceUrl = args.Get("service-url"),
            Region = args.Get("region"),
            TablePrefix = args.Get("prefix") ?? new DynamoDbStorageOptions().TablePrefix,
        };
        using var client = DynamoDbStorageExtensions.CreateClient(options);
        var created = await new TableProvisioner(client, options.TablePrefix).CreateMissingAsync(ct);
        foreach (var table in Tables.All)
        {
            var name = table.PhysicalName(options.TablePrefix);
            await output.WriteLineAsync($"{(created.Contains(name) ? "created" : "exists ")} {name}");
        }
        return 0;
    }
}
