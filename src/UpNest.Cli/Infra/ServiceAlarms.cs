using System.Text.Json.Nodes;
using UpNest.Core.Telemetry;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Cli.Infra;

/// <summary>
/// The alarms, all notifying the SNS topic. Load balancer and DynamoDB alarms read AWS's own
/// metrics; the audit and cost alarms read the app's (namespace UpNest, instrument names from
/// <see cref="UpNestTelemetryNames"/>), so a renamed instrument breaks a test, not an alarm.
/// </summary>
internal static class ServiceAlarms
{
    public const string Http5xxRate = "Http5xxRateAlarm";
    public const string P99Latency = "P99LatencyAlarm";
    public const string UnhealthyHosts = "UnhealthyHostsAlarm";
    public const string AuditWriteFailures = "AuditWriteFailuresAlarm";
    public const string MonthlyCost = "MonthlyCostEstimateAlarm";

    /// <summary>The DynamoDB operations DynamoGateway calls, as DynamoDB names them in SystemErrors.</summary>
    private static readonly string[] DynamoOperations =
        ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "TransactWriteItems"];

    public static void AddTo(JsonObject resources)
    {
        resources["AlarmTopic"] = Resource("AWS::SNS::Topic", new JsonObject
        {
            ["TopicName"] = Sub("upnest-${Environment}-alarms"),
            ["Tags"] = Tags("monitoring"),
        });
        resources["AlarmEmailSubscription"] = new JsonObject
        {
            ["Type"] = "AWS::SNS::Subscription",
            ["Condition"] = "HasAlarmEmail",
            ["Properties"] = new JsonObject { ["TopicArn"] = Ref("AlarmTopic"), ["Protocol"] = "email", ["Endpoint"] = Ref("AlarmEmail") },
        };

        resources[Http5xxRate] = Alarm("5xx responses above 1% of requests (3 of 5 minutes)", new JsonObject
        {
            ["Metrics"] = Array(
                Expression("e1", "IF(FILL(m3,0) > 0, 100 * (FILL(m1,0) + FILL(m2,0)) / FILL(m3,0), 0)", "5xx %"),
                LoadBalancerMetric("m1", "HTTPCode_Target_5XX_Count"),
                LoadBalancerMetric("m2", "HTTPCode_ELB_5XX_Count"),
                LoadBalancerMetric("m3", "RequestCount")),
            ["Threshold"] = 1,
            ["EvaluationPeriods"] = 5,
            ["DatapointsToAlarm"] = 3,
        });
        resources[P99Latency] = Alarm("p99 latency at the load balancer above LatencyGoalSeconds (3 of 5 minutes)", new JsonObject
        {
            ["Namespace"] = "AWS/ApplicationELB",
            ["MetricName"] = "TargetResponseTime",
            ["Dimensions"] = Array(Dimension("LoadBalancer", GetAtt("LoadBalancer", "LoadBalancerFullName"))),
            ["ExtendedStatistic"] = "p99",
            ["Period"] = 60,
            ["Threshold"] = Ref("LatencyGoalSeconds"),
            ["EvaluationPeriods"] = 5,
            ["DatapointsToAlarm"] = 3,
        });
        resources[UnhealthyHosts] = Alarm("A target failed /health/ready for 3 minutes", new JsonObject
        {
            ["Namespace"] = "AWS/ApplicationELB",
            ["MetricName"] = "UnHealthyHostCount",
            ["Dimensions"] = Array(
                Dimension("LoadBalancer", GetAtt("LoadBalancer", "LoadBalancerFullName")),
                Dimension("TargetGroup", GetAtt("TargetGroup", "TargetGroupFullName"))),
            ["Statistic"] = "Maximum",
            ["Period"] = 60,
            ["Threshold"] = 0,
            ["EvaluationPeriods"] = 3,
        });
        resources[AuditWriteFailures] = Alarm("An audit event could not be written (the request was refused with 503)", new JsonObject
        {
            ["Namespace"] = ServiceTemplate.MetricNamespace,
            ["MetricName"] = UpNestTelemetryNames.AuditFailed,
            ["Statistic"] = "Sum",
            ["Period"] = 60,
            ["Threshold"] = 0,
            ["EvaluationPeriods"] = 1,
        });
        resources[MonthlyCost] = Alarm("DynamoDB request cost of the last hour, projected to 30 days, above MonthlyCostAlarmUsd", new JsonObject
        {
            ["Metrics"] = Array(
                Expression("e1", Sub("(FILL(m1,0) * ${ReadRequestUsdPerMillion} + FILL(m2,0) * ${WriteRequestUsdPerMillion}) / 1000000 * 720"), "USD per month"),
                AppMetric("m1", UpNestTelemetryNames.ReadCapacityUnits, 3600),
                AppMetric("m2", UpNestTelemetryNames.WriteCapacityUnits, 3600)),
            ["Threshold"] = Ref("MonthlyCostAlarmUsd"),
            ["EvaluationPeriods"] = 1,
        });
        foreach (var table in Tables.All)
        {
            var tableName = ImportValue("${TablesStack}-" + table.Name);
            resources[$"{table.Name}ThrottlesAlarm"] = Alarm($"DynamoDB throttled requests on {table.Name} (5 minutes)", new JsonObject
            {
                ["Metrics"] = Array(
                    Expression("e1", "FILL(m1,0) + FILL(m2,0)", "throttle events"),
                    DynamoMetric("m1", "ReadThrottleEvents", tableName, null),
                    DynamoMetric("m2", "WriteThrottleEvents", tableName, null)),
                ["Threshold"] = 0,
                ["EvaluationPeriods"] = 1,
            });
            resources[$"{table.Name}SystemErrorsAlarm"] = Alarm($"DynamoDB system errors on {table.Name} (5 minutes)", new JsonObject
            {
                ["Metrics"] = Array(new[] { Expression("e1", "SUM(METRICS())", "system errors") }
                    .Concat(DynamoOperations.Select((operation, i) => DynamoMetric($"m{i + 1}", "SystemErrors", tableName, operation)))),
                ["Threshold"] = 0,
                ["EvaluationPeriods"] = 1,
            });
        }
    }

    private static JsonObject Alarm(string description, JsonObject properties)
    {
        properties["AlarmDescription"] = description;
        properties["ComparisonOperator"] ??= "GreaterThanThreshold";
        properties["TreatMissingData"] = "notBreaching";
        properties["AlarmActions"] = Array(Ref("AlarmTopic"));
        properties["OKActions"] = Array(Ref("AlarmTopic"));
        return Resource("AWS::CloudWatch::Alarm", properties);
    }

    private static JsonObject Expression(string id, JsonNode expression, string label) =>
        new() { ["Id"] = id, ["Expression"] = expression, ["Label"] = label, ["ReturnData"] = true };

    private static JsonObject LoadBalancerMetric(string id, string name) =>
        Stat(id, "AWS/ApplicationELB", name, "Sum", 60, Dimension("LoadBalancer", GetAtt("LoadBalancer", "LoadBalancerFullName")));

    private static JsonObject AppMetric(string id, string name, int period) => Stat(id, ServiceTemplate.MetricNamespace, name, "Sum", period);

    private static JsonObject DynamoMetric(string id, string name, JsonObject tableName, string? operation) => operation is null
        ? Stat(id, "AWS/DynamoDB", name, "Sum", 300, Dimension("TableName", tableName.DeepClone()))
        : Stat(id, "AWS/DynamoDB", name, "Sum", 300, Dimension("TableName", tableName.DeepClone()), Dimension("Operation", operation));

    private static JsonObject Stat(string id, string ns, string name, string stat, int period, params JsonObject[] dimensions)
    {
        var metric = new JsonObject { ["Namespace"] = ns, ["MetricName"] = name };
        if (dimensions.Length > 0)
        {
            metric["Dimensions"] = Array(dimensions);
        }
        return new JsonObject
        {
            ["Id"] = id,
            ["MetricStat"] = new JsonObject { ["Metric"] = metric, ["Period"] = period, ["Stat"] = stat },
            ["ReturnData"] = false,
        };
    }

    private static JsonObject Dimension(string name, JsonNode value) => new() { ["Name"] = name, ["Value"] = value };
}
