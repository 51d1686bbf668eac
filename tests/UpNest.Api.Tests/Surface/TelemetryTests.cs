using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenTelemetry.Trace;
using UpNest.Api.Hosting;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Core.Telemetry;
using UpNest.Testing;

namespace UpNest.Api.Tests.Surface;

/// <summary>
/// Traces and metric names, on DynamoDB Local whichever store the suite runs on: store spans and
/// the store's instruments exist on the DynamoDB store only (the production store).
/// </summary>
public sealed partial class TelemetryTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private UpNestFactory? _factory;

    public async Task InitializeAsync()
    {
        var url = await DynamoDbLocal.GetUrlAsync();
        _factory = new UpNestFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "DynamoDb",
            ["Storage:DynamoDb:ServiceUrl"] = url,
            ["Storage:DynamoDb:Region"] = "us-east-1",
            ["Storage:DynamoDb:TablePrefix"] = $"otel{Guid.NewGuid():N}"[..12] + "-",
            ["Storage:DynamoDb:CreateTables"] = "true",
        }, configureServices: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans)));
    }

    public async Task DisposeAsync() => await _factory!.DisposeAsync();

    [Fact]
    public async Task A_login_is_one_trace_with_its_store_calls_and_the_audit_append_inside()
    {
        var user = await _factory!.SignUpAsync();
        using var anonymous = _factory!.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = user.Password });
        login.EnsureSuccessStatusCode();

        var server = await WaitForAsync<Activity>(() => Spans().LastOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/v1/auth/login", StringComparison.Ordinal)));
        var trace = Spans().Where(s => s.TraceId == server.TraceId).ToList();

        var store = trace.Where(s => s.Source.Name == UpNestTelemetryNames.StoreActivitySource).ToList();
        Assert.NotEmpty(store);
        Assert.All(store, s =>
        {
            Assert.Equal(ActivityKind.Client, s.Kind);
            Assert.False(string.IsNullOrEmpty(s.GetTagItem("db.collection.name") as string));
            Assert.False(string.IsNullOrEmpty(s.GetTagItem("upnest.store.operation") as string));
        });
        Assert.Contains(store, s => (string?)s.GetTagItem("db.collection.name") == "Users" && (string?)s.GetTagItem("db.operation.name") == "GetItem");
        var audit = Assert.Single(trace, s => s.Source.Name == UpNestTelemetryNames.ActivitySource && s.DisplayName == "audit.append");
        Assert.Equal("auth.login", audit.GetTagItem("upnest.audit.action"));
        // The writer commits events in batches: the batch span links to the request's audit span,
        // and the audit's own store calls are children of the batch span.
        var batch = await WaitForAsync<Activity>(() => Spans().LastOrDefault(s => s.DisplayName == "audit.batch" && s.Links.Any(l => l.Context.SpanId == audit.SpanId)));
        Assert.Contains(Spans(), s => s.ParentSpanId == batch.SpanId && (string?)s.GetTagItem("db.collection.name") == "AuditLog");
    }

    [Fact]
    public async Task Every_app_metric_the_alarms_and_dashboard_use_is_an_instrument_the_app_exports()
    {
        var published = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (Telemetry.Meters.Contains(instrument.Meter.Name))
                {
                    lock (published)
                    {
                        published.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start();
        // A store call builds the store's instruments; the business counters exist from the start.
        await _factory!.SignUpAsync();
        listener.RecordObservableInstruments();

        var used = TemplateAppMetrics();

        Assert.NotEmpty(used);
        lock (published)
        {
            Assert.All(used, name => Assert.Contains(name, published));
        }
        Assert.Contains(UpNestTelemetryNames.AuditFailed, used);
        Assert.Contains(UpNestTelemetryNames.StoreDuration, used);
    }

    /// <summary>Metric names in namespace UpNest, read from the committed service template (alarms and dashboard).</summary>
    private static HashSet<string> TemplateAppMetrics()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("infra", "cloudformation", "service.yaml"));
        var template = JsonNode.Parse(string.Join('\n', text.Split('\n').SkipWhile(l => l.StartsWith('#'))))!;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, resource) in template["Resources"]!.AsObject())
        {
            var properties = resource!["Properties"]!;
            switch ((string?)resource["Type"])
            {
                case "AWS::CloudWatch::Alarm":
                    if ((string?)properties["Namespace"] == "UpNest")
                    {
                        names.Add((string)properties["MetricName"]!);
                    }
                    foreach (var metric in properties["Metrics"]?.AsArray() ?? [])
                    {
                        if ((string?)metric!["MetricStat"]?["Metric"]?["Namespace"] == "UpNest")
                        {
                            names.Add((string)metric["MetricStat"]!["Metric"]!["MetricName"]!);
                        }
                    }
                    break;
                case "AWS::CloudWatch::Dashboard":
                    var body = JsonNode.Parse((string)properties["DashboardBody"]!["Fn::Sub"]!)!;
                    foreach (var widget in body["widgets"]!.AsArray())
                    {
                        foreach (var metric in widget!["properties"]!["metrics"]!.AsArray())
                        {
                            if (metric is JsonArray { Count: > 1 } row && (string?)row[0] == "UpNest")
                            {
                                names.Add((string)row[1]!);
                            }
                            if (metric is JsonArray { Count: 1 } single && (string?)single[0]!["expression"] is { } expression)
                            {
                                foreach (Match match in SearchedMetric().Matches(expression))
                                {
                                    names.Add(match.Groups[1].Value);
                                }
                            }
                        }
                    }
                    break;
            }
        }
        return names;
    }

    /// <summary>A copy the exporter cannot change under us (it appends one span at a time; ToArray never throws).</summary>
    private List<Activity> Spans() => _spans.ToArray().Where(s => s is not null).ToList();

    private static async Task<T> WaitForAsync<T>(Func<T?> find)
        where T : class
    {
        // The server span ends just after the response is written.
        for (var i = 0; i < 100; i++)
        {
            if (find() is { } found)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The span was never exported.");
    }

    [GeneratedRegex("MetricName=\"([^\"]+)\"")]
    private static partial Regex SearchedMetric();
}
