namespace UpNest.Storage.DynamoDb.Schema;

/// <summary>DynamoDB scalar key types used here.</summary>
public enum KeyType
{
    S,
    N,
}

public sealed record KeyAttribute(string Name, KeyType Type);

public enum IndexKind
{
    Global,
    Local,
}

/// <summary>
/// An index. <see cref="NonKeyAttributes"/> null means ALL is projected; empty means KEYS_ONLY;
/// otherwise INCLUDE those attributes.
/// </summary>
public sealed record IndexDefinition(
    string Name,
    IndexKind Kind,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<string>? NonKeyAttributes)
{
    public string ProjectionType => NonKeyAttributes switch
    {
        null => "ALL",
        { Count: 0 } => "KEYS_ONLY",
        _ => "INCLUDE",
    };
}

/// <summary>One table: the single definition that the store, the CLI and infra/ all read.</summary>
public sealed record TableDefinition(
    string Name,
    KeyAttribute PartitionKey,
    KeyAttribute SortKey,
    IReadOnlyList<IndexDefinition> Indexes,
    string TimeToLiveAttribute = Attrs.ExpiresAt)
{
    public string PhysicalName(string prefix) => prefix + Name;

    public IndexDefinition Index(string name) => Indexes.Single(i => i.Name == name);

    /// <summary>Every attribute used in a key of the table or one of its indexes, once.</summary>
    public IReadOnlyList<KeyAttribute> KeyAttributes() =>
        new[] { PartitionKey, SortKey }
            .Concat(Indexes.SelectMany(i => i.SortKey is null ? new[] { i.PartitionKey } : [i.PartitionKey, i.SortKey]))
            .DistinctBy(a => a.Name)
            .ToList();

    /// <summary>Key attribute names of a read through the index (or the table), as in LastEvaluatedKey.</summary>
    public IReadOnlyList<string> PageKeyNames(string? indexName)
    {
        var names = new List<string> { PartitionKey.Name, SortKey.Name };
        if (indexName is not null)
        {
            var index = Index(indexName);
            names.Add(index.PartitionKey.Name);
            if (index.SortKey is not null)
            {
                names.Add(index.SortKey.Name);
            }
        }
        return names.Distinct().ToList();
    }
}
