using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoKeyType = Amazon.DynamoDBv2.KeyType;

namespace UpNest.Storage.DynamoDb.Schema;

/// <summary>Turns a <see cref="TableDefinition"/> into the DynamoDB API's CreateTable request.</summary>
public static class CreateTableRequests
{
    public static CreateTableRequest For(TableDefinition table, string prefix) => new()
    {
        TableName = table.PhysicalName(prefix),
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = table.KeyAttributes()
            .Select(a => new AttributeDefinition(a.Name, a.Type == KeyType.S ? ScalarAttributeType.S : ScalarAttributeType.N))
            .ToList(),
        KeySchema = KeySchema(table.PartitionKey, table.SortKey),
        GlobalSecondaryIndexes = table.Indexes.Where(i => i.Kind == IndexKind.Global)
            .Select(i => new GlobalSecondaryIndex
            {
                IndexName = i.Name,
                KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                Projection = Projection(i),
            })
            .ToList() is { Count: > 0 } gsis ? gsis : null,
        LocalSecondaryIndexes = table.Indexes.Where(i => i.Kind == IndexKind.Local)
            .Select(i => new LocalSecondaryIndex
            {
                IndexName = i.Name,
                KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                Projection = Projection(i),
            })
            .ToList() is { Count: > 0 } lsis ? lsis : null,
    };

    private static List<KeySchemaElement> KeySchema(KeyAttribute partition, KeyAttribute? sort)
    {
        var schema = new List<KeySchemaElement> { new(partition.Name, DynamoKeyType.HASH) };
        if (sort is not null)
        {
            schema.Add(new KeySchemaElement(sort.Name, DynamoKeyType.RANGE));
        }
        return schema;
    }

    private static Projection Projection(IndexDefinition index) => new()
    {
        ProjectionType = new ProjectionType(index.ProjectionType),
        NonKeyAttributes = index.ProjectionType == "INCLUDE" ? index.NonKeyAttributes!.ToList() : null,
    };
}
