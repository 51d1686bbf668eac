using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>
/// Consumed capacity as metrics, from ReturnConsumedCapacity=TOTAL on every call: what each
/// operation costs on on-demand tables, by operation and (logical) table.
/// </summary>
public sealed class CapacityMetrics
{
    public const string MeterName = "UpNest.Storage.DynamoDb";
    public const string ReadUnits = "upnest.dynamodb.read_capacity_units";
    public const string WriteUnits = "upnest.dynamodb.write_capacity_units";

    private readonly Counter<double> _reads;
    private readonly Counter<double> _writes;
    private readonly Func<string, string> _logicalName;

    public CapacityMetrics(Meter meter, Func<string, string> logicalTableName)
    {
        Meter = meter;
        _reads = meter.CreateCounter<double>(ReadUnits, "{capacity_unit}", "DynamoDB read capacity units consumed");
        _writes = meter.CreateCounter<double>(WriteUnits, "{capacity_unit}", "DynamoDB write capacity units consumed");
        _logicalName = logicalTableName;
    }

    /// <summary>The meter the counters belong to (listeners can tell one store instance from another).</summary>
    public Meter Meter { get; }

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
