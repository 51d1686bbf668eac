using Amazon.DynamoDBv2;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Schema;

namespace UpNest.Storage.DynamoDb;

/// <summary>Start-up: create the tables (local development) or insist that they exist; readiness: one DescribeTable.</summary>
internal sealed class DynamoStorageLifecycle(TableProvisioner provisioner, bool createTables) : IStorageLifecycle
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (createTables)
        {
            await provisioner.CreateMissingAsync(ct);
            return;
        }
        var missing = await provisioner.MissingAsync(ct);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"DynamoDB tables are missing: {string.Join(", ", missing)}. Deploy infra/cloudformation/tables.yaml, "
                + "run `upnest db create-tables`, or set Storage:DynamoDb:CreateTables=true for local development.");
        }
    }

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            return await provisioner.StatusAsync(Tables.Users, ct) is not null;
        }
        catch (AmazonDynamoDBException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
