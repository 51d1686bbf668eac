using System.Text;
using UpNest.Schedules.Data;
using UpNest.Schedules.Generator;
using UpNest.Schedules.Tests.Support;

namespace UpNest.Schedules.Tests;

public class GeneratedDataTests
{
    [Fact]
    public void Regenerating_from_the_reference_gives_the_committed_bytes()
    {
        var fresh = new UTF8Encoding(false).GetBytes(ScheduleDataGenerator.Generate(Reference.Directory));
        var committed = File.ReadAllBytes(Path.Combine(Reference.RepositoryRoot, ScheduleDataGenerator.OutputRelativePath));

        Assert.True(fresh.AsSpan().SequenceEqual(committed),
            "src/UpNest.Schedules/Data/schedules.tsv is stale: run dotnet run --project tools/UpNest.Schedules.Generator");
    }

    [Fact]
    public void The_embedded_resource_is_the_committed_file()
    {
        var committed = File.ReadAllText(Path.Combine(Reference.RepositoryRoot, ScheduleDataGenerator.OutputRelativePath));

        Assert.Equal(committed, ScheduleData.ReadResource());
    }

    [Theory]
    [InlineData("CDC/ACIP")]
    [InlineData("CDSi Supporting Data v4.64-508")]
    [InlineData("Open Government Licence v3.0")]
    [InlineData("CC BY-NC-SA 3.0 IGO")]
    [InlineData("Acta Paediatrica 2006")]
    [InlineData("schedules/us-cdc-child-schedule.csv")]
    public void The_resource_header_keeps_the_source_attribution(string text)
    {
        var header = string.Join('\n', ScheduleData.ReadResource().Split('\n').TakeWhile(l => l.StartsWith('#')));

        Assert.Contains(text, header, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_US_category_tags_stop_the_generator()
    {
        Assert.Throws<InvalidDataException>(() => GeneratorRules.UsRecommendation("US-2026 (HHS): something new"));
        Assert.Throws<InvalidDataException>(() => GeneratorRules.UsRecommendation("no tag at all"));
    }
}
