using System.Text.Json.Nodes;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Cli.Infra;

/// <summary>
/// What the running API may do, and nothing more: the DynamoDB item calls DynamoGateway makes on
/// the six tables and their named indexes, DescribeTable for the start-up and readiness checks,
/// the tables' KMS key through DynamoDB only, and the telemetry sidecar's writes.
/// No Scan, no table administration (tables are created by CloudFormation), no wildcard action.
/// </summary>
internal static class TaskRolePolicy
{
    /// <summary>
    /// The calls in src/UpNest.Storage.DynamoDb/Calls/DynamoGateway.cs (TransactWriteItems is
    /// authorized per item as PutItem/UpdateItem/DeleteItem) and TableProvisioner.StatusAsync.
    /// </summary>
    public static readonly string[] DynamoDbActions =
    [
        "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
        "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
        "dynamodb:DescribeTable",
    ];

    public static JsonArray Statements() => Array(
        new JsonObject
        {
            ["Sid"] = "UpNestTablesItemsOnly",
            ["Effect"] = "Allow",
            ["Action"] = Strings(DynamoDbActions),
            ["Resource"] = Array(Tables.All.SelectMany(TableArns)),
        },
        new JsonObject
        {
            ["Sid"] = "TablesKeyThroughDynamoDbOnly",
            ["Effect"] = "Allow",
            ["Action"] = Strings("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
            ["Resource"] = ImportValue("${TablesStack}-TablesKeyArn"),
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["kms:ViaService"] = Sub("dynamodb.${AWS::Region}.amazonaws.com") },
            },
        },
        new JsonObject
        {
            ["Sid"] = "TelemetrySidecarWritesMetricLogs",
            ["Effect"] = "Allow",
            ["Action"] = Strings("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            ["Resource"] = Array(GetAtt("MetricsLogGroup", "Arn"), Sub("${MetricsLogGroup.Arn}:log-stream:*")),
        },
        new JsonObject
        {
            // X-Ray has no resource-level permissions for these four calls.
            ["Sid"] = "TelemetrySidecarSendsTraces",
            ["Effect"] = "Allow",
            ["Action"] = Strings("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"),
            ["Resource"] = "*",
        });

    /// <summary>The table's ARN and one ARN per named index, from the name the tables stack exports.</summary>
    private static IEnumerable<JsonNode> TableArns(TableDefinition table)
    {
        var name = new JsonObject { ["Name"] = ImportValue("${TablesStack}-" + table.Name) };
        yield return Sub("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Name}", name);
        foreach (var index in table.Indexes)
        {
            yield return Sub("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Name}/index/" + index.Name, name.DeepClone().AsObject());
        }
    }
}
