using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace UpNest.Schedules.Generator;

/// <summary>
/// Turns CDC's CDSi supporting data (one XML per antigen plus ScheduleSupportingData.xml) into
/// the line-oriented resource the CDSi engine in UpNest.Schedules embeds. Every value is copied
/// as CDC wrote it (only whitespace is normalised), so the engine, not the generator, owns the
/// meaning of "6 months - 4 days". Output is a pure function of the input bytes.
/// </summary>
public static class CdsiDataGenerator
{
    public const string OutputRelativePath = "src/UpNest.Schedules/Cdsi/cdsi.tsv";

    /// <summary>
    /// Risk series need patient observations (asplenia, HIV, travel...) UpNest does not record,
    /// so only the series every healthy patient is assessed against are embedded.
    /// </summary>
    private static readonly string[] EmbeddedSeriesTypes = ["Standard", "Evaluation Only"];

    public static string Generate(string referenceDir)
    {
        var xmlDir = Path.Combine(referenceDir, "cdsi", "XML");
        var antigenFiles = Directory.GetFiles(xmlDir, "AntigenSupportingData- *-508.xml")
            .OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var scheduleFile = Path.Combine(xmlDir, CdsiFigures.ScheduleFile);

        var body = new StringBuilder();
        AppendSchedule(body, Load(scheduleFile));
        foreach (var file in antigenFiles)
        {
            AppendAntigen(body, Load(file));
        }

        return Header(xmlDir, [scheduleFile, .. antigenFiles]) + body;
    }

    private static XElement Load(string path) =>
        XDocument.Load(path).Root ?? throw new InvalidDataException(path + " has no root element");

    private static void AppendSchedule(StringBuilder body, XElement root)
    {
        foreach (var c in Children(root, "liveVirusConflicts", "liveVirusConflict"))
        {
            Line(body, "live", V(c.Element("previous"), "cvx"), V(c.Element("current"), "cvx"),
                V(c, "conflictBeginInterval"), V(c, "minConflictEndInterval"), V(c, "conflictEndInterval"));
        }

        foreach (var g in Children(root, "vaccineGroups", "vaccineGroup"))
        {
            Line(body, "group", V(g, "name"), V(g, "administerFullVaccineGroup"));
        }

        foreach (var m in Children(root, "vaccineGroupToAntigenMap", "vaccineGroupMap"))
        {
            foreach (var antigen in m.Elements("antigen"))
            {
                Line(body, "group-antigen", V(m, "name"), Clean(antigen.Value));
            }
        }

        foreach (var m in Children(root, "cvxToAntigenMap", "cvxMap"))
        {
            Line(body, "cvx", V(m, "cvx"), V(m, "shortDescription"));
            foreach (var a in m.Elements("association"))
            {
                Line(body, "cvx-antigen", V(a, "antigen"), V(a, "associationBeginAge"), V(a, "associationEndAge"));
            }
        }
    }

    private static void AppendAntigen(StringBuilder body, XElement root)
    {
        var series = root.Elements("series")
            .Where(s => EmbeddedSeriesTypes.Contains(V(s, "seriesType"), StringComparer.Ordinal)).ToList();
        if (series.Count == 0)
        {
            return;
        }

        Line(body, "antigen", V(series[0], "targetDisease"));
        foreach (var d in Children(root, "immunity", "dateOfBirth"))
        {
            Line(body, "immunity-birth", V(d, "immunityBirthDate"), V(d, "birthCountry"));
        }

        foreach (var s in series)
        {
            var select = s.Element("selectSeries") ?? throw new InvalidDataException("series without selectSeries");
            var genders = string.Join(';', s.Elements("requiredGender").Select(g => Clean(g.Value)).Where(g => g.Length > 0));
            Line(body, "series", V(s, "seriesName"), V(s, "seriesType"), V(s, "vaccineGroup"), genders,
                V(select, "defaultSeries"), V(select, "productPath"), V(select, "seriesGroup"),
                V(select, "seriesPriority"), V(select, "seriesPreference"), V(select, "minAgeToStart"),
                V(select, "maxAgeToStart"), V(s, "equivalentSeriesGroups"));
            foreach (var dose in s.Elements("seriesDose"))
            {
                AppendDose(body, dose);
            }
        }
    }

    private static void AppendDose(StringBuilder body, XElement dose)
    {
        var season = dose.Element("seasonalRecommendation");
        Line(body, "dose", V(dose, "doseNumber"), V(dose, "recurringDose"), V(season, "startDate"), V(season, "endDate"));
        foreach (var a in dose.Elements("age"))
        {
            Line(body, "age", V(a, "absMinAge"), V(a, "minAge"), V(a, "earliestRecAge"), V(a, "latestRecAge"),
                V(a, "maxAge"), V(a, "effectiveDate"), V(a, "cessationDate"));
        }

        foreach (var i in dose.Elements("interval"))
        {
            Line(body, "interval", V(i, "fromPrevious"), V(i, "fromTargetDose"), V(i, "fromMostRecent"),
                V(i.Element("fromRelevantObs"), "code"), V(i, "absMinInt"), V(i, "minInt"), V(i, "earliestRecInt"),
                V(i, "latestRecInt"), V(i, "intervalPriority"), V(i, "effectiveDate"), V(i, "cessationDate"));
        }

        foreach (var i in dose.Elements("allowableInterval"))
        {
            Line(body, "allowable-interval", V(i, "fromPrevious"), V(i, "fromTargetDose"), V(i, "absMinInt"),
                V(i, "effectiveDate"), V(i, "cessationDate"));
        }

        foreach (var v in dose.Elements("preferableVaccine"))
        {
            Line(body, "preferable", V(v, "cvx"), V(v, "beginAge"), V(v, "endAge"), V(v, "mvx"), V(v, "forecastVaccineType"));
        }

        foreach (var v in dose.Elements("allowableVaccine"))
        {
            Line(body, "allowable", V(v, "cvx"), V(v, "beginAge"), V(v, "endAge"));
        }

        foreach (var v in dose.Elements("inadvertentVaccine"))
        {
            Line(body, "inadvertent", V(v, "cvx"));
        }

        foreach (var skip in dose.Elements("conditionalSkip"))
        {
            Line(body, "skip", V(skip, "context"), V(skip, "setLogic"));
            foreach (var set in skip.Elements("set"))
            {
                Line(body, "skip-set", V(set, "setID"), V(set, "conditionLogic"), V(set, "effectiveDate"), V(set, "cessationDate"));
                foreach (var c in set.Elements("condition"))
                {
                    Line(body, "condition", V(c, "conditionType"), V(c, "startDate"), V(c, "endDate"), V(c, "beginAge"),
                        V(c, "endAge"), V(c, "interval"), V(c, "doseCount"), V(c, "doseType"), V(c, "doseCountLogic"),
                        V(c, "vaccineTypes"), V(c, "seriesGroups"));
                }
            }
        }
    }

    private static IEnumerable<XElement> Children(XElement root, string container, string item) =>
        root.Element(container)?.Elements(item) ?? [];

    /// <summary>The text of a child element, with runs of whitespace made one space; "" when absent.</summary>
    private static string V(XElement? parent, string name) => Clean(parent?.Element(name)?.Value ?? "");

    private static string Clean(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void Line(StringBuilder body, string tag, params string[] fields)
    {
        body.Append(tag);
        foreach (var field in fields)
        {
            body.Append('\t').Append(field);
        }

        body.Append('\n');
    }

    private static string Header(string xmlDir, IReadOnlyList<string> files)
    {
        var header = new StringBuilder();
        header.Append("# CDC, Clinical Decision Support for Immunization (CDSi) Supporting Data v4.64-508, 2025-11-10.\n");
        header.Append("# A work of the US government (17 U.S.C. 105). Generated by tools/UpNest.Schedules.Generator; do not edit.\n");
        header.Append("# Standard and Evaluation Only series; risk series (which need patient observations) are left out.\n");
        header.Append("# One record a line, tab-separated, tag first. Children follow their parent:\n");
        header.Append("#   live prevCvx curCvx begin minEnd end | group name administerFull | group-antigen group antigen\n");
        header.Append("#   cvx code description > cvx-antigen antigen beginAge endAge\n");
        header.Append("#   antigen name > immunity-birth date country | series name type group genders default productPath\n");
        header.Append("#     seriesGroup priority preference minAgeToStart maxAgeToStart equivalentGroups\n");
        header.Append("#   > dose number recurring seasonStart seasonEnd > age absMin min earliestRec latestRec max effective cessation\n");
        header.Append("#     | interval fromPrevious fromTargetDose fromMostRecent fromObs absMin min earliestRec latestRec priority effective cessation\n");
        header.Append("#     | allowable-interval fromPrevious fromTargetDose absMin effective cessation\n");
        header.Append("#     | preferable cvx beginAge endAge mvx forecast | allowable cvx beginAge endAge | inadvertent cvx\n");
        header.Append("#     | skip context setLogic > skip-set id conditionLogic effective cessation\n");
        header.Append("#       > condition type startDate endDate beginAge endAge interval doseCount doseType doseCountLogic vaccineTypes seriesGroups\n");
        foreach (var file in files)
        {
            header.Append("# source ").Append(Path.GetRelativePath(xmlDir, file).Replace('\\', '/'))
                .Append(" sha256 ").Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }

        return header.ToString();
    }
}
