using System.Globalization;
using UpNest.Growth.Generator;
using UpNest.Growth.Standards;
using UpNest.Growth.Tests.Support;
using Xunit.Abstractions;

namespace UpNest.Growth.Tests.Standards;

public sealed class EmbeddedDataTests(ITestOutputHelper output)
{
    [Fact]
    public void Regenerating_from_the_reference_gives_the_committed_resource_byte_for_byte()
    {
        var regenerated = WhoLmsEncoder.Encode(TestPaths.Who);
        var embedded = WhoLmsData.ReadResourceBytes();
        var committed = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "src", "UpNest.Growth", "Standards", "who-lms.bin"));

        Assert.Equal(regenerated, embedded);
        Assert.Equal(regenerated, committed);
        output.WriteLine($"who-lms.bin: {embedded.Length:N0} bytes, identical to the generator's output.");
    }

    [Fact]
    public void Every_decoded_value_equals_the_WHO_text_exactly()
    {
        var rows = 0;
        foreach (var (id, path, keyKind) in WhoLmsEncoder.Tables)
        {
            foreach (var line in File.ReadLines(Path.Combine(TestPaths.Who, path)).Skip(1))
            {
                var f = line.TrimEnd('\r').Split('\t');
                if (f.Length < 5) continue;
                var key = double.Parse(f[1], CultureInfo.InvariantCulture);
                var gridKey = (int)Math.Round(keyKind == 1 ? key * 10 : key);
                var lms = WhoLmsData.Get((WhoTable)id, (Sex)int.Parse(f[0], CultureInfo.InvariantCulture)).At(gridKey);
                Assert.Equal(double.Parse(f[2], CultureInfo.InvariantCulture), lms.L);
                Assert.Equal(double.Parse(f[3], CultureInfo.InvariantCulture), lms.M);
                Assert.Equal(double.Parse(f[4], CultureInfo.InvariantCulture), lms.S);
                rows++;
            }
        }
        output.WriteLine($"{rows:N0} WHO rows decoded exactly.");
        Assert.True(rows > 25_000);
    }
}
