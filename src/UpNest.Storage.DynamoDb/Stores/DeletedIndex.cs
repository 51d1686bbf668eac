using Amazon.DynamoDBv2.Model;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// The sparse ByDeletedAt index: only soft-deleted profiles carry its keys, so the purge job
/// queries exactly those (no Scan) and live profiles cost nothing in it.
/// </summary>
internal static class DeletedIndex
{
    public static void Mark(Dictionary<string, AttributeValue> item, string kind, DateTimeOffset? deletedAt)
    {
        if (deletedAt is { } at)
        {
            item[Attrs.DeletedKind] = S(kind);
            item[Attrs.DeletedAt] = S(Times.Sortable(at));
        }
    }

    /// <summary>Partition keys of the profiles of a kind deleted before the cutoff, oldest first.</summary>
    public static async IAsyncEnumerable<string> ListBeforeAsync(
        DynamoGateway db, TableDefinition table, string kind, DateTimeOffset cutoff, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var response = await db.QueryAsync("Purge.ListDeleted", new QueryRequest
        {
            TableName = db.Table(table),
            IndexName = IndexNames.ByDeletedAt,
            KeyConditionExpression = "deletedKind = :kind AND deletedAt < :cutoff",
            ExpressionAttributeValues = Values((":kind", S(kind)), (":cutoff", S(Times.Sortable(cutoff)))),
            Limit = Math.Clamp(limit, 1, 1000),
        }, ct);
        foreach (var item in response.Items)
        {
            yield return item[Attrs.Pk].S;
        }
    }
}
