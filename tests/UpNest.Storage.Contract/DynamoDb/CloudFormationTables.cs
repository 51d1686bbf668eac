using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace UpNest.Storage.Contract.DynamoDb;

/// <summary>
/// Reads the generated template back (JSON-compatible YAML: comment lines, then JSON) and turns each
/// AWS::DynamoDB::GlobalTable into the CreateTable request CloudFormation would make.
/// </summary>
internal static class CloudFormationTables
{
    public static JsonObject Parse(string templateText)
    {
        var json = string.Join('\n', templateText.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        return JsonNode.Parse(json)!.AsObject();
    }

    public static IEnumerable<(string LogicalId, JsonObject Properties)> GlobalTables(JsonObject template) =>
        template["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == "AWS::DynamoDB::GlobalTable")
            .Select(r => (r.Key, r.Value!["Properties"]!.AsObject()));

    public static CreateTableRequest ToCreateTable(JsonObject properties, string tablePrefix)
    {
        var name = ((string)properties["TableName"]!["Fn::Sub"]!).Replace("${TablePrefix}", tablePrefix, StringComparison.Ordinal);
        return new CreateTableRequest
        {
            TableName = name,
            BillingMode = new BillingMode((string)properties["BillingMode"]!),
            AttributeDefinitions = properties["AttributeDefinitions"]!.AsArray()
                .Select(a => new AttributeDefinition((string)a!["AttributeName"]!, new ScalarAttributeType((string)a["AttributeType"]!)))
                .ToList(),
            KeySchema = Keys(properties["KeySchema"]!),
            GlobalSecondaryIndexes = properties["GlobalSecondaryIndexes"]?.AsArray()
                .Select(i => new GlobalSecondaryIndex { IndexName = (string)i!["IndexName"]!, KeySchema = Keys(i["KeySchema"]!), Projection = Projection(i["Projection"]!) })
                .ToList(),
            LocalSecondaryIndexes = properties["LocalSecondaryIndexes"]?.AsArray()
                .Select(i => new LocalSecondaryIndex { IndexName = (string)i!["IndexName"]!, KeySchema = Keys(i["KeySchema"]!), Projection = Projection(i["Projection"]!) })
                .ToList(),
            StreamSpecification = new StreamSpecification
            {
                StreamEnabled = true,
                StreamViewType = new StreamViewType((string)properties["StreamSpecification"]!["StreamViewType"]!),
            },
        };
    }

    public static UpdateTimeToLiveRequest ToTimeToLive(JsonObject properties, string tableName) => new()
    {
        TableName = tableName,
        TimeToLiveSpecification = new TimeToLiveSpecification
        {
            AttributeName = (string)properties["TimeToLiveSpecification"]!["AttributeName"]!,
            Enabled = (bool)properties["TimeToLiveSpecification"]!["Enabled"]!,
        },
    };

    private static List<KeySchemaElement> Keys(JsonNode keys) =>
        keys.AsArray().Select(k => new KeySchemaElement((string)k!["AttributeName"]!, new KeyType((string)k["KeyType"]!))).ToList();

    private static Projection Projection(JsonNode projection) => new()
    {
        ProjectionType = new ProjectionType((string)projection["ProjectionType"]!),
        NonKeyAttributes = projection["NonKeyAttributes"]?.AsArray().Select(a => (string)a!).ToList(),
    };
}
