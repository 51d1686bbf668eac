using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UpNest.CostSimulation;
using UpNest.Core.Common;
using UpNest.Storage.DynamoDb;
using UpNest.Storage.DynamoDb.Schema;
using UpNest.Testing;

// Replays a simulated month of typical families against DynamoDB Local and prices the consumed
// capacity the store itself reports. Usage: dotnet run -c Release --project bench/UpNest.CostSimulation
var assumptions = new Assumptions();
var url = await DynamoDbLocal.GetUrlAsync();
var prefix = $"cost{Guid.NewGuid():N}"[..12] + "-";
var settings = new Dictionary<string, string?>
{
    ["ServiceUrl"] = url, ["Region"] = "us-east-1", ["TablePrefix"] = prefix, ["CreateTables"] = "true",
};
await using var services = new ServiceCollection()
    .AddDynamoDbStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
    .BuildServiceProvider();
await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);

using var tally = new CapacityTally();
var random = new Random(20261125);
var families = new List<Family>();
for (var f = 0; f < assumptions.Families; f++)
{
    var family = new Family(services, assumptions, random);
    await family.SetUpAsync(random.NextDouble() < assumptions.ShareWithTwoBabies ? 2 : 1, CancellationToken.None);
    families.Add(family);
}
var setUpReads = tally.Reads;
var setUpWrites = tally.Writes;
tally.Reset();

for (var day = 0; day < assumptions.Days; day++)
{
    foreach (var family in families)
    {
        await family.LiveDayAsync(day, CancellationToken.None);
    }
}

var users = assumptions.Families;
var readsPerUser = tally.Reads / users;
var writesPerUser = tally.Writes / users;
var dollarsPerUser = (readsPerUser * Assumptions.DollarsPerMillionReads + writesPerUser * Assumptions.DollarsPerMillionWrites) / 1e6;
var bytesPerUser = await StoredBytesAsync(services, prefix) / users;
var storageDollars = bytesPerUser / 1e9 * Assumptions.DollarsPerGbMonth;

var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"families: {users} ({families.Sum(f => f.BabyCount)} babies), days: {assumptions.Days}, assumptions: {assumptions}")
    .AppendLine(CultureInfo.InvariantCulture, $"one-off sign-up per family: {setUpReads / users:F1} RCU, {setUpWrites / users:F1} WCU")
    .AppendLine(CultureInfo.InvariantCulture, $"per user per month: {readsPerUser:F1} RCU, {writesPerUser:F1} WCU = ${dollarsPerUser:F6} (reads ${readsPerUser * Assumptions.DollarsPerMillionReads / 1e6:F6}, writes ${writesPerUser * Assumptions.DollarsPerMillionWrites / 1e6:F6})")
    .AppendLine(CultureInfo.InvariantCulture, $"stored per user after the month: {bytesPerUser / 1024:F1} KiB = ${storageDollars:F8} per month at ${Assumptions.DollarsPerGbMonth}/GB-month")
    .AppendLine(CultureInfo.InvariantCulture, $"claim $0.0015/user/month on request units: {(dollarsPerUser < 0.0015 ? "beaten" : "NOT beaten")}")
    .AppendLine("| kind | operation | units per user per month |")
    .AppendLine("|---|---|---:|");
foreach (var (write, operation, units) in tally.ByOperation())
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {(write ? "write" : "read")} | {operation} | {units / users:F1} |");
}
Console.Write(report);
await services.GetRequiredService<TableProvisioner>().DeleteAllAsync(CancellationToken.None);
DynamoDbLocal.Stop();

// Storage as DynamoDB bills it: attribute names + values + 100 bytes of per-item overhead. A Scan is
// fine here: this is a benchmark reading its own throw-away tables, not a request path.
static async Task<double> StoredBytesAsync(IServiceProvider services, string prefix)
{
    var client = DynamoDbStorageExtensions.CreateClient(new DynamoDbStorageOptions
    {
        ServiceUrl = (await DynamoDbLocal.GetUrlAsync()), TablePrefix = prefix,
    });
    double bytes = 0;
    foreach (var table in Tables.All)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table.PhysicalName(prefix), ExclusiveStartKey = start });
            foreach (var item in page.Items ?? [])
            {
                bytes += 100 + item.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + (a.Value.S is { } s ? Encoding.UTF8.GetByteCount(s) : (a.Value.N?.Length ?? 1) / 2 + 1));
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }
    return bytes;
}
