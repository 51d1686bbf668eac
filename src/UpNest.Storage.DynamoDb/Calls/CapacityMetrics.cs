using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;
using UpNest.Core.Telemetry;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>
/// Consumed capacity as metrics, from ReturnConsumedCapacity=TOTAL on every call: what each
/// operation costs on on-demand tables, by operation and (logical) table. Also times every call
/// and gives it a span, so a trace shows which table each request touched and how long it took.
/// </summary>
public sealed class CapacityMetrics
{
    public const string MeterName = UpNestTelemetryNames.StoreMeter;
    public const string ReadUnits = UpNestTelemetryNames.ReadCapacityUnits;
    public const string WriteUnits = UpNestTelemetryNames.WriteCapacityUnits;

    private static readonly ActivitySource Tracing = new(UpNestTelemetryNames.StoreActivitySource);

    private readonly Counter<double> _reads;
    private readonly Counter<double> _writes;
    private readonly Histogram<double> _duration;
    private readonly Func<string, string> _logicalName;

    public CapacityMetrics(Meter meter, Func<string, string> logicalTableName)
    {
        Meter = meter;
        _reads = meter.CreateCounter<double>(ReadUnits, "{capacity_unit}", "DynamoDB read capacity units consumed");
        _writes = meter.CreateCounter<double>(WriteUnits, "{capacity_unit}", "DynamoDB write capacity units consumed");
        _duration = meter.CreateHistogram<double>(UpNestTelemetryNames.StoreDuration, "s", "Duration of one store call, retries included");
        _logicalName = logicalTableName;
    }

    /// <summary>The meter the counters belong to (listeners can tell one store instance from another).</summary>
    public Meter Meter { get; }

    /// <summary>Logical table name ("Babies") of a physical one ("upnest-prod-Babies").</summary>
    public string LogicalTable(string? physical) => _logicalName(physical ?? "unknown");

    /// <summary>Starts timing one call (all its retries); dispose it when the call ends.</summary>
    public StoreCall StartCall(string operation, string api, string table) => new(this, Tracing.StartActivity("dynamodb " + api, ActivityKind.Client), operation, api, table);

    internal void RecordDuration(TimeSpan elapsed, string operation, string table) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("table", table));

    public void Record(string operation, bool isWrite, IEnumerable<ConsumedCapacity>? consumed)
    {
        foreach (var capacity in consumed ?? [])
        {
            var table = new KeyValuePair<string, object?>("table", _logicalName(capacity.TableName ?? "unknown"));
            var op = new KeyValuePair<string, object?>("operation", operation);
            // Reads report ReadCapacityUnits, writes WriteCapacityUnits; TOTAL may only fill CapacityUnits.
            var units = (isWrite ? capacity.WriteCapacityUnits : capacity.ReadCapacityUnits) ?? capacity.CapacityUnits ?? 0;
            if (units > 0)
            {
                (isWrite ? _writes : _reads).Add(units, op, table);
            }
        }
    }
}

/// <summary>One timed store call: a client span tagged with table and operation, and its duration.</summary>
public sealed class StoreCall : IDisposable
{
    private readonly CapacityMetrics _metrics;
    private readonly Activity? _span;
    private readonly string _operation;
    private readonly string _table;
    private readonly long _started = Stopwatch.GetTimestamp();

    internal StoreCall(CapacityMetrics metrics, Activity? span, string operation, string api, string table)
    {
        _metrics = metrics;
        _span = span;
        _operation = operation;
        _table = table;
        _span?.SetTag("db.system.name", "aws.dynamodb");
        _span?.SetTag("db.operation.name", api);
        _span?.SetTag("db.collection.name", table);
        _span?.SetTag("upnest.store.operation", operation);
    }

    public void Failed(Exception error) => _span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);

    public void Dispose()
    {
        _metrics.RecordDuration(Stopwatch.GetElapsedTime(_started), _operation, _table);
        _span?.Dispose();
    }
}
