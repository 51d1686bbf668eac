using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Schema;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>
/// The only way the stores talk to DynamoDB: every call asks for its consumed capacity (recorded
/// as metrics under the operation's name) and runs inside the retry policy. There is no Scan here
/// on purpose: request paths use GetItem, Query and their batch/transaction forms only.
/// </summary>
public sealed class DynamoGateway(IAmazonDynamoDB client, TablePrefix prefix, StoreRetryPolicy retry, CapacityMetrics metrics)
{
    public string Table(TableDefinition table) => table.PhysicalName(prefix.Value);

    public async Task<Dictionary<string, AttributeValue>?> GetItemAsync(
        string operation, TableDefinition table, Dictionary<string, AttributeValue> key, CancellationToken ct)
    {
        var request = new GetItemRequest
        {
            TableName = Table(table), Key = key, ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
        var response = await CallAsync(operation, "GetItem", metrics.LogicalTable(request.TableName), t => client.GetItemAsync(request, t), ct);
        metrics.Record(operation, isWrite: false, [response.ConsumedCapacity]);
        return response.IsItemSet && response.Item is { Count: > 0 } ? response.Item : null;
    }

    public async Task<QueryResponse> QueryAsync(string operation, QueryRequest request, CancellationToken ct)
    {
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        var response = await CallAsync(operation, "Query", metrics.LogicalTable(request.TableName), t => client.QueryAsync(request, t), ct);
        metrics.Record(operation, isWrite: false, [response.ConsumedCapacity]);
        response.Items ??= [];
        return response;
    }

    public async Task PutItemAsync(string operation, PutItemRequest request, CancellationToken ct)
    {
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        var response = await CallAsync(operation, "PutItem", metrics.LogicalTable(request.TableName), t => client.PutItemAsync(request, t), ct);
        metrics.Record(operation, isWrite: true, [response.ConsumedCapacity]);
    }

    /// <summary>
    /// Replaces an item only while its stored version is <paramref name="expectedVersion"/>:
    /// a stale version is a 412, a missing item a 404 (told apart by ALL_OLD on failure).
    /// </summary>
    public async Task ReplaceVersionedAsync(string operation, TableDefinition table, Dictionary<string, AttributeValue> item,
        long expectedVersion, string resource, CancellationToken ct)
    {
        try
        {
            await PutItemAsync(operation, new PutItemRequest
            {
                TableName = Table(table),
                Item = item,
                ConditionExpression = "attribute_exists(pk) AND version = :expected",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = Items.N(expectedVersion) },
                ReturnValuesOnConditionCheckFailure = "ALL_OLD",
            }, ct);
        }
        catch (ConditionalCheckFailedException failed)
        {
            throw failed.ItemExisted() ? new PreconditionFailedException() : new NotFoundException(resource);
        }
    }

    /// <summary>
    /// Deletes an item that must exist and, when <paramref name="expectedVersion"/> is given, still
    /// be at that version: a stale version is a 412, a missing item a 404.
    /// </summary>
    public async Task DeleteVersionedAsync(string operation, TableDefinition table, Dictionary<string, AttributeValue> key,
        long? expectedVersion, string resource, CancellationToken ct)
    {
        var request = new DeleteItemRequest
        {
            TableName = Table(table),
            Key = key,
            ConditionExpression = "attribute_exists(pk)",
            ReturnValuesOnConditionCheckFailure = "ALL_OLD",
        };
        if (expectedVersion is { } version)
        {
            request.ConditionExpression += " AND version = :expected";
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = Items.N(version) };
        }
        try
        {
            await DeleteItemAsync(operation, request, ct);
        }
        catch (ConditionalCheckFailedException failed)
        {
            throw failed.ItemExisted() ? new PreconditionFailedException() : new NotFoundException(resource);
        }
    }

    public async Task<UpdateItemResponse> UpdateItemAsync(string operation, UpdateItemRequest request, CancellationToken ct)
    {
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        var response = await CallAsync(operation, "UpdateItem", metrics.LogicalTable(request.TableName), t => client.UpdateItemAsync(request, t), ct);
        metrics.Record(operation, isWrite: true, [response.ConsumedCapacity]);
        return response;
    }

    public async Task DeleteItemAsync(string operation, DeleteItemRequest request, CancellationToken ct)
    {
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        var response = await CallAsync(operation, "DeleteItem", metrics.LogicalTable(request.TableName), t => client.DeleteItemAsync(request, t), ct);
        metrics.Record(operation, isWrite: true, [response.ConsumedCapacity]);
    }

    /// <summary>
    /// All or nothing. The client request token is fixed across retries, so a retry of a
    /// transaction that did commit (its answer lost) is a no-op rather than a false conflict.
    /// </summary>
    public async Task TransactWriteAsync(string operation, List<TransactWriteItem> items, CancellationToken ct)
    {
        var request = new TransactWriteItemsRequest
        {
            TransactItems = items,
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
        var response = await CallAsync(operation, "TransactWriteItems", TransactionTables(items), t => client.TransactWriteItemsAsync(request, t), ct);
        metrics.Record(operation, isWrite: true, response.ConsumedCapacity);
    }

    /// <summary>Reads the keys of one table in one call, re-asking for unprocessed keys with backoff.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(
        string operation, TableDefinition table, IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken ct)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        var name = Table(table);
        foreach (var chunk in keys.Chunk(100))
        {
            var pending = new Dictionary<string, KeysAndAttributes> { [name] = new() { Keys = chunk.ToList(), ConsistentRead = true } };
            for (var round = 1; pending is { Count: > 0 }; round++)
            {
                var request = new BatchGetItemRequest { RequestItems = pending, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
                var response = await CallAsync(operation, "BatchGetItem", table.Name, t => client.BatchGetItemAsync(request, t), ct);
                metrics.Record(operation, isWrite: false, response.ConsumedCapacity);
                if (response.Responses?.TryGetValue(name, out var items) == true)
                {
                    found.AddRange(items);
                }
                pending = response.UnprocessedKeys;
                await WaitBeforeUnprocessedAsync(round, pending?.Count ?? 0, ct);
            }
        }
        return found;
    }

    /// <summary>Deletes keys of one table in batches of 25 (purge jobs only).</summary>
    public async Task BatchDeleteAsync(
        string operation, TableDefinition table, IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken ct)
    {
        var name = Table(table);
        foreach (var chunk in keys.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [name] = chunk.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } }).ToList(),
            };
            for (var round = 1; pending is { Count: > 0 }; round++)
            {
                var request = new BatchWriteItemRequest { RequestItems = pending, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL };
                var response = await CallAsync(operation, "BatchWriteItem", table.Name, t => client.BatchWriteItemAsync(request, t), ct);
                metrics.Record(operation, isWrite: true, response.ConsumedCapacity);
                pending = response.UnprocessedItems;
                await WaitBeforeUnprocessedAsync(round, pending?.Count ?? 0, ct);
            }
        }
    }

    /// <summary>Every page of a query (purge and chain verification, never a request path's list).</summary>
    public async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAllAsync(
        string operation, QueryRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        do
        {
            var response = await QueryAsync(operation, request, ct);
            foreach (var item in response.Items)
            {
                yield return item;
            }
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    /// <summary>Sends one request through the retry policy, timed and traced as one store call.</summary>
    private async Task<T> CallAsync<T>(string operation, string api, string table, Func<CancellationToken, Task<T>> send, CancellationToken ct)
    {
        using var call = metrics.StartCall(operation, api, table);
        try
        {
            return await retry.ExecuteAsync(send, ct);
        }
        catch (Exception e)
        {
            call.Failed(e);
            throw;
        }
    }

    /// <summary>The logical tables a transaction writes, e.g. "Babies,AuditLog".</summary>
    private string TransactionTables(List<TransactWriteItem> items) => string.Join(',', items
        .Select(i => metrics.LogicalTable(i.Put?.TableName ?? i.Update?.TableName ?? i.Delete?.TableName ?? i.ConditionCheck?.TableName))
        .Distinct());

    private async Task WaitBeforeUnprocessedAsync(int round, int unprocessed, CancellationToken ct)
    {
        if (unprocessed == 0)
        {
            return;
        }
        if (round >= retry.MaxAttempts)
        {
            throw new StoreUnavailableException(retry.RetryAfter);
        }
        await Task.Delay(TimeSpan.FromMilliseconds(25 * Math.Pow(2, round)), ct);
    }
}

/// <summary>The environment's table prefix, e.g. "upnest-" or a random one per test run.</summary>
public sealed record TablePrefix(string Value);
