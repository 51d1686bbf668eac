using System.Text;
using System.Xml.Linq;
using UpNest.Schedules.Cdsi;
using UpNest.Schedules.Generator;
using UpNest.Schedules.Tests.Support;

namespace UpNest.Schedules.Tests.Cdsi;

public class CdsiDataTests
{
    private static readonly string XmlDir = Path.Combine(Reference.Directory, "cdsi", "XML");

    private static XElement Schedule => XDocument.Load(Path.Combine(XmlDir, "ScheduleSupportingData.xml")).Root!;

    [Fact]
    public void Regenerating_from_the_CDSi_XML_gives_the_committed_bytes()
    {
        var fresh = new UTF8Encoding(false).GetBytes(CdsiDataGenerator.Generate(Reference.Directory));
        var committed = File.ReadAllBytes(Path.Combine(Reference.RepositoryRoot, CdsiDataGenerator.OutputRelativePath));

        Assert.True(fresh.AsSpan().SequenceEqual(committed),
            "src/UpNest.Schedules/Cdsi/cdsi.tsv is stale: run dotnet run --project tools/UpNest.Schedules.Generator");
    }

    [Fact]
    public void The_embedded_resource_is_the_committed_file()
    {
        var committed = File.ReadAllText(Path.Combine(Reference.RepositoryRoot, CdsiDataGenerator.OutputRelativePath));

        Assert.Equal(committed, CdsiData.ReadResource());
    }

    [Fact]
    public void Every_CVX_code_of_the_CDSi_map_is_known_with_its_antigens()
    {
        var maps = Schedule.Element("cvxToAntigenMap")!.Elements("cvxMap").ToList();

        Assert.Equal(218, maps.Count);
        Assert.Equal(maps.Count, CdsiData.Instance.Cvx.Count);
        foreach (var map in maps)
        {
            var expected = map.Elements("association").Select(a => a.Element("antigen")!.Value.Trim()).ToList();
            Assert.Equal(expected, CdsiData.Instance.Cvx[map.Element("cvx")!.Value.Trim()].Antigens.Select(a => a.Antigen).ToList());
        }
    }

    [Fact]
    public void Every_live_virus_conflict_is_embedded()
    {
        var conflicts = Schedule.Element("liveVirusConflicts")!.Elements("liveVirusConflict").ToList();

        Assert.Equal(conflicts.Count, CdsiData.Instance.LiveVirusConflicts.Count);
        var mmrThenMmrv = CdsiData.Instance.LiveVirusConflicts.Single(c => c.PreviousCvx == "03" && c.CurrentCvx == "94");
        Assert.Equal("28 days", mmrThenMmrv.MinimumEnd.Text);
    }

    [Fact]
    public void Every_standard_series_with_all_its_target_doses_is_embedded()
    {
        var expected = Directory.GetFiles(XmlDir, "AntigenSupportingData- *.xml")
            .SelectMany(f => XDocument.Load(f).Root!.Elements("series"))
            .Where(s => s.Element("seriesType")!.Value is "Standard" or "Evaluation Only")
            .ToDictionary(s => s.Element("seriesName")!.Value.Trim(), s => s.Elements("seriesDose").Count());
        var embedded = CdsiData.Instance.Antigens.SelectMany(a => a.Series).ToDictionary(s => s.Name, s => s.Doses.Count);

        Assert.Equal(60, expected.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key), embedded.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Target_doses_keep_CDCs_ages_intervals_vaccines_and_skips()
    {
        var dtap = CdsiData.Instance.Antigens.Single(a => a.Name == "Diphtheria").Series.Single(s => s.Name == "Diphtheria standard series");
        var dose2 = dtap.Doses[1];

        Assert.Equal("10 weeks - 4 days", dose2.Ages[0].AbsoluteMinimum!.Text);
        Assert.Equal("10 weeks", dose2.Ages[0].Minimum!.Text);
        Assert.Contains(dose2.Intervals, i => i.FromPrevious && i.Minimum!.Text == "4 weeks" && i.AbsoluteMinimum!.Text == "4 weeks - 4 days");
        Assert.Contains(dose2.Preferable, v => v.Cvx == "20");
        Assert.Equal("DTaP/Tdap/Td", dtap.VaccineGroup);
        var flu = CdsiData.Instance.Antigens.Single(a => a.Name == "Influenza").Series[0].Doses[0];
        Assert.Equal(new DateOnly(2025, 7, 1), flu.SeasonStart);
        Assert.Contains(flu.Skips, s => s.Sets.Any(x => x.Conditions.Any(c => c.Type == SkipConditionType.Age && c.BeginAge!.Text == "9 years")));
    }

    [Fact]
    public void Vaccine_groups_map_to_their_antigens()
    {
        var mmr = CdsiData.Instance.VaccineGroups.Single(g => g.Name == "MMR");

        Assert.Equal(["Measles", "Mumps", "Rubella"], mmr.Antigens.Order().ToArray());
        Assert.True(mmr.AdministerFullGroup);
        Assert.False(CdsiData.Instance.VaccineGroups.Single(g => g.Name == "DTaP/Tdap/Td").AdministerFullGroup);
    }

    [Fact]
    public void Immunity_by_birth_date_is_kept()
    {
        var measles = CdsiData.Instance.Antigens.Single(a => a.Name == "Measles");

        Assert.Contains(measles.ImmunityByBirth, i => i.BornBefore == new DateOnly(1957, 1, 1) && i.Country.Length == 0);
        Assert.Contains(CdsiData.Instance.Antigens.Single(a => a.Name == "Varicella").ImmunityByBirth,
            i => i.BornBefore == new DateOnly(1980, 1, 1) && i.Country == "U.S.");
    }
}
