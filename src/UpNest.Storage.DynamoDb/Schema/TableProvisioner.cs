using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace UpNest.Storage.DynamoDb.Schema;

/// <summary>Creates the tables of <see cref="Tables.All"/> (idempotently) or checks that they exist.</summary>
public sealed class TableProvisioner(IAmazonDynamoDB client, string prefix)
{
    public string Prefix => prefix;

    /// <summary>Creates every missing table, waits until all are ACTIVE and enables TTL. Returns the names created.</summary>
    public async Task<IReadOnlyList<string>> CreateMissingAsync(CancellationToken ct)
    {
        var created = new List<string>();
        foreach (var table in Tables.All)
        {
            if (await StatusAsync(table, ct) is null)
            {
                try
                {
                    await client.CreateTableAsync(CreateTableRequests.For(table, prefix), ct);
                    created.Add(table.PhysicalName(prefix));
                }
                catch (ResourceInUseException)
                {
                    // Another instance created it first: fine, it is the same definition.
                }
            }
        }
        foreach (var table in Tables.All)
        {
            await WaitActiveAsync(table, ct);
            await EnableTimeToLiveAsync(table, ct);
        }
        return created;
    }

    /// <summary>Names of the tables that do not exist (empty when all do).</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var table in Tables.All)
        {
            if (await StatusAsync(table, ct) is null)
            {
                missing.Add(table.PhysicalName(prefix));
            }
        }
        return missing;
    }

    public async Task<TableStatus?> StatusAsync(TableDefinition table, CancellationToken ct)
    {
        try
        {
            var described = await client.DescribeTableAsync(table.PhysicalName(prefix), ct);
            return described.Table.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    public async Task DeleteAllAsync(CancellationToken ct)
    {
        foreach (var table in Tables.All)
        {
            try
            {
                await client.DeleteTableAsync(table.PhysicalName(prefix), ct);
            }
            catch (ResourceNotFoundException)
            {
                // Already gone.
            }
        }
    }

    private async Task WaitActiveAsync(TableDefinition table, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await StatusAsync(table, ct) == TableStatus.ACTIVE)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
        throw new TimeoutException($"Table {table.PhysicalName(prefix)} did not become ACTIVE.");
    }

    private async Task EnableTimeToLiveAsync(TableDefinition table, CancellationToken ct)
    {
        var current = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table.PhysicalName(prefix) }, ct);
        if (current.TimeToLiveDescription?.TimeToLiveStatus is { } status
            && (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING))
        {
            return;
        }
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = table.PhysicalName(prefix),
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = table.TimeToLiveAttribute, Enabled = true },
        }, ct);
    }
}
