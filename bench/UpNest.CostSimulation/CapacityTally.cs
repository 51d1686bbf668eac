using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using UpNest.Storage.DynamoDb.Calls;

namespace UpNest.CostSimulation;

/// <summary>Sums the store's own capacity metrics by operation, as an OpenTelemetry exporter would.</summary>
internal sealed class CapacityTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(bool Write, string Operation), double> _units = new();

    public CapacityTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CapacityMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var operation = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "operation")
                {
                    operation = (string)tag.Value!;
                }
            }
            _units.AddOrUpdate((instrument.Name == CapacityMetrics.WriteUnits, operation), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public bool Enabled { get; set; }

    public double Reads => _units.Where(u => !u.Key.Write).Sum(u => u.Value);

    public double Writes => _units.Where(u => u.Key.Write).Sum(u => u.Value);

    public IEnumerable<(bool Write, string Operation, double Units)> ByOperation() =>
        _units.OrderBy(u => u.Key.Write).ThenByDescending(u => u.Value).Select(u => (u.Key.Write, u.Key.Operation, u.Value));

    public void Reset() => _units.Clear();

    public void Dispose() => _listener.Dispose();
}
