using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using UpNest.Storage.DynamoDb.Schema;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>
/// Item building and reading. A record is kept whole as JSON in <see cref="Attrs.Data"/>; the
/// attributes that keys, indexes, conditions and TTL need sit beside it as top-level attributes.
/// </summary>
internal static class Items
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Payload<T>(T record) => S(JsonSerializer.Serialize(record, Json));

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [Attrs.Pk] = S(pk),
        [Attrs.Sk] = S(sk),
    };

    /// <summary>A new item with its key, payload and version.</summary>
    public static Dictionary<string, AttributeValue> Item<T>(string pk, string sk, T record, long? version = null)
    {
        var item = Key(pk, sk);
        item[Attrs.Data] = Payload(record);
        if (version is { } v)
        {
            item[Attrs.Version] = N(v);
        }
        return item;
    }

    public static T Read<T>(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize<T>(item[Attrs.Data].S, Json)
        ?? throw new InvalidDataException("An item without a payload.");

    public static string? GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long EpochSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    /// <summary>Only the key attributes of an item (for deletes).</summary>
    public static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) => new()
    {
        [Attrs.Pk] = item[Attrs.Pk],
        [Attrs.Sk] = item[Attrs.Sk],
    };

    public static Dictionary<string, AttributeValue> Values(params (string Name, AttributeValue Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
