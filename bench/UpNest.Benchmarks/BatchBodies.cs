using System.Text.Json;

namespace UpNest.Benchmarks;

/// <summary>The batch requests the benchmarks send: children under five with weight, length and head circumference.</summary>
internal static class BatchBodies
{
    public static byte[] TenThousandChildren() => Children(10_000);

    public static byte[] Children(int count)
    {
        var random = new Random(42);
        var children = Enumerable.Range(0, count).Select(i => new
        {
            sex = i % 2 == 0 ? "male" : "female",
            ageDays = random.Next(0, 1800),
            weightKg = Math.Round(3 + (random.NextDouble() * 15), 2),
            lengthCm = Math.Round(50 + (random.NextDouble() * 60), 1),
            headCircumferenceCm = Math.Round(34 + (random.NextDouble() * 14), 1),
        });
        return JsonSerializer.SerializeToUtf8Bytes(children, JsonSerializerOptions.Web);
    }
}
