using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.Contract.Harness;
using UpNest.Storage.DynamoDb.Calls;

namespace UpNest.Storage.Contract.DynamoDb;

public sealed class CapacityMetricsTests(DynamoDbHarness store) : IClassFixture<DynamoDbHarness>, IDisposable
{
    private readonly ConcurrentBag<(string Instrument, double Units, string Operation, string Table)> _recorded = [];
    private MeterListener? _listener;

    private void Listen()
    {
        var meter = store.Get<CapacityMetrics>().Meter;
        _listener = new MeterListener
        {
            // Only this store's meter: other test classes run their own stores in parallel.
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var all = tags.ToArray();
            _recorded.Add((instrument.Name, value, Tag(all, "operation"), Tag(all, "table")));
        });
        _listener.Start();
    }

    [Fact]
    public async Task Every_call_records_its_consumed_capacity_by_operation_and_table()
    {
        var user = TestData.User();
        await store.Get<IUserStore>().CreateAsync(user, CancellationToken.None);
        Listen();

        await store.Get<ISessionStore>().CreateAsync(TestData.Session(user.Id), CancellationToken.None);
        await store.Get<IUserStore>().GetAsync(user.Id, CancellationToken.None);

        // A PutItem of an item under 1 KB is 1 WCU; a strongly consistent GetItem under 4 KB, 1 RCU.
        var write = Assert.Single(_recorded, r => r.Instrument == CapacityMetrics.WriteUnits);
        Assert.Equal((1d, "CreateSession", "Users"), (write.Units, write.Operation, write.Table));
        var read = Assert.Single(_recorded, r => r.Instrument == CapacityMetrics.ReadUnits);
        Assert.Equal((1d, "QP1.GetUser", "Users"), (read.Units, read.Operation, read.Table));
    }

    [Fact]
    public async Task A_foreign_or_altered_page_token_is_refused_as_invalid()
    {
        var users = store.Get<IUserStore>();
        var babies = store.Get<Core.Babies.IBabyStore>();
        await users.CreateAsync(TestData.User(), CancellationToken.None);

        await Assert.ThrowsAsync<ValidationException>(
            () => babies.ListForUserAsync(TestData.NewId(), new PageRequest(10, "not-a-token!"), CancellationToken.None));
        var measurementToken = Core.Common.Base64Url.Encode("""{"pk":"BABY#x","sk":"M#y","measuredOn":"2026"}"""u8);
        await Assert.ThrowsAsync<ValidationException>(
            () => babies.ListForUserAsync(TestData.NewId(), new PageRequest(10, measurementToken), CancellationToken.None));
    }

    private static string Tag(KeyValuePair<string, object?>[] tags, string name) => (string)tags.Single(t => t.Key == name).Value!;

    public void Dispose() => _listener?.Dispose();
}
