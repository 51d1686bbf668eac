using System.Text.Json.Nodes;
using UpNest.Core.Telemetry;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Cli.Infra;

/// <summary>
/// One dashboard: traffic, latency percentiles and errors from the load balancer; store latency,
/// consumed capacity and cost per table and the business counters from the app (namespace UpNest).
/// Per-table graphs use SEARCH, so a new table shows up without editing the dashboard.
/// </summary>
internal static class ServiceDashboard
{
    private const string Lb = "${LoadBalancer.LoadBalancerFullName}";
    private const string Ns = ServiceTemplate.MetricNamespace;

    public static JsonObject Build()
    {
        var widgets = new JsonArray();
        var y = 0;
        void Row(params JsonObject[] row)
        {
            for (var i = 0; i < row.Length; i++)
            {
                row[i]["x"] = i * (24 / row.Length);
                row[i]["y"] = y;
                row[i]["width"] = 24 / row.Length;
                row[i]["height"] = 6;
                widgets.Add(row[i]);
            }
            y += 6;
        }
        Row(
            Graph("Requests per minute", [AlbMetric("RequestCount", "Sum")]),
            Graph("Latency (s): p50, p90, p99", [AlbMetric("TargetResponseTime", "p50"), AlbMetric("TargetResponseTime", "p90"), AlbMetric("TargetResponseTime", "p99")]),
            Graph("Responses by status", [AlbMetric("HTTPCode_Target_2XX_Count", "Sum"), AlbMetric("HTTPCode_Target_4XX_Count", "Sum"),
                AlbMetric("HTTPCode_Target_5XX_Count", "Sum"), AlbMetric("HTTPCode_ELB_5XX_Count", "Sum")]));
        Row(
            Graph("Store latency per table (s, average)", [Search(UpNestTelemetryNames.StoreDuration, "table", "Average", "s1")]),
            Graph("Consumed read capacity per table", [Search(UpNestTelemetryNames.ReadCapacityUnits, "table", "Sum", "s1")]),
            Graph("Consumed write capacity per table", [Search(UpNestTelemetryNames.WriteCapacityUnits, "table", "Sum", "s1")]));
        Row(
            Graph("Estimated DynamoDB cost per hour (USD)", [
                AppMetric(UpNestTelemetryNames.ReadCapacityUnits, "m1", visible: false),
                AppMetric(UpNestTelemetryNames.WriteCapacityUnits, "m2", visible: false),
                Expression("(FILL(m1,0) * ${ReadRequestUsdPerMillion} + FILL(m2,0) * ${WriteRequestUsdPerMillion}) / 1000000", "USD per hour")], period: 3600),
            Graph("Active users (sign-ins per hour)", [AppMetric(UpNestTelemetryNames.Logins, "m1"), AppMetric(UpNestTelemetryNames.FailedLogins, "m2"),
                AppMetric(UpNestTelemetryNames.Registrations, "m3")], period: 3600),
            Graph("Recorded per hour", [AppMetric(UpNestTelemetryNames.Measurements, "m1"), AppMetric(UpNestTelemetryNames.Doses, "m2"),
                AppMetric(UpNestTelemetryNames.Exports, "m3")], period: 3600));
        Row(
            Graph("Audit events written / failed", [AppMetric(UpNestTelemetryNames.AuditWritten, "m1"), AppMetric(UpNestTelemetryNames.AuditFailed, "m2")]),
            Graph("Healthy / unhealthy tasks", [
                new JsonArray("AWS/ApplicationELB", "HealthyHostCount", "LoadBalancer", Lb, "TargetGroup", "${TargetGroup.TargetGroupFullName}", new JsonObject { ["stat"] = "Minimum" }),
                new JsonArray("AWS/ApplicationELB", "UnHealthyHostCount", "LoadBalancer", Lb, "TargetGroup", "${TargetGroup.TargetGroupFullName}", new JsonObject { ["stat"] = "Maximum" })]),
            Graph("Task CPU and memory (%)", [
                new JsonArray("AWS/ECS", "CPUUtilization", "ClusterName", "${Cluster}", "ServiceName", "${Service.Name}"),
                new JsonArray("AWS/ECS", "MemoryUtilization", "ClusterName", "${Cluster}", "ServiceName", "${Service.Name}")]));

        var body = new JsonObject { ["widgets"] = widgets };
        return Resource("AWS::CloudWatch::Dashboard", new JsonObject
        {
            ["DashboardName"] = Sub("upnest-${Environment}"),
            ["DashboardBody"] = Sub(body.ToJsonString(Storage.DynamoDb.Infra.Cfn.Compact)),
        });
    }

    private static JsonObject Graph(string title, JsonNode[] metrics, int period = 60) => new()
    {
        ["type"] = "metric",
        ["properties"] = new JsonObject
        {
            ["title"] = title,
            ["region"] = "${AWS::Region}",
            ["view"] = "timeSeries",
            ["stat"] = "Sum",
            ["period"] = period,
            ["metrics"] = new JsonArray(metrics),
        },
    };

    private static JsonArray AlbMetric(string name, string stat) =>
        new("AWS/ApplicationELB", name, "LoadBalancer", Lb, new JsonObject { ["stat"] = stat });

    private static JsonArray AppMetric(string name, string id, bool visible = true) =>
        new(Ns, name, new JsonObject { ["id"] = id, ["visible"] = visible });

    private static JsonArray Expression(string expression, string label) =>
        new(new JsonObject { ["expression"] = expression, ["label"] = label, ["id"] = "e1" });

    /// <summary>Every series of an app metric by one attribute, e.g. store latency per table.</summary>
    private static JsonArray Search(string metric, string dimension, string stat, string id) =>
        new(new JsonObject
        {
            ["expression"] = $"SEARCH('{{{Ns},{dimension}}} MetricName=\"{metric}\"', '{stat}', 60)",
            ["id"] = id,
        });
}
