using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb.Schema;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>
/// Continuation tokens: a LastEvaluatedKey (string attributes only, as every key here is a string)
/// as base64url JSON. Raw by design: the API signs and binds them before they leave the process.
/// </summary>
internal static class PageTokens
{
    public static string Encode(Dictionary<string, AttributeValue> key) =>
        Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(key.ToDictionary(k => k.Key, k => k.Value.S)));

    public static Dictionary<string, AttributeValue>? Decode(string? token, IReadOnlyList<string> expectedNames)
    {
        if (token is null)
        {
            return null;
        }
        Dictionary<string, string>? values = null;
        if (Base64Url.TryDecode(token, out var bytes))
        {
            try
            {
                values = JsonSerializer.Deserialize<Dictionary<string, string>>(bytes);
            }
            catch (JsonException)
            {
                values = null;
            }
        }
        // A token from another query (other names) would be refused by DynamoDB; refuse it here, as 400.
        if (values is null || values.Count != expectedNames.Count || !expectedNames.All(values.ContainsKey))
        {
            throw new ValidationException("cursor", "The cursor is not valid.");
        }
        return values.ToDictionary(v => v.Key, v => new AttributeValue { S = v.Value });
    }

    /// <summary>
    /// Runs a query page of the requested number of items. It asks for one item more, so the last page
    /// has no token (DynamoDB alone would hand out a token to an empty page), and builds the token from
    /// the last returned item's key attributes.
    /// </summary>
    public static async Task<(List<Dictionary<string, AttributeValue>> Items, string? Next)> QueryPageAsync(
        this DynamoGateway gateway, string operation, QueryRequest request, TableDefinition table, PageRequest page, CancellationToken ct)
    {
        var keyNames = table.PageKeyNames(request.IndexName);
        var limit = Math.Clamp(page.Limit, 1, PageRequest.MaxLimit);
        request.ExclusiveStartKey = Decode(page.After, keyNames);
        request.Limit = limit + 1;
        var response = await gateway.QueryAsync(operation, request, ct);
        var items = response.Items;
        if (items.Count <= limit)
        {
            // Stopped early by the 1 MB page limit: there may be more, so hand on DynamoDB's own key.
            return (items, response.LastEvaluatedKey is { Count: > 0 } more ? Encode(more) : null);
        }
        items = items.Take(limit).ToList();
        var last = items[^1];
        return (items, Encode(keyNames.ToDictionary(n => n, n => last[n])));
    }
}
