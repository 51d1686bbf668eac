using System.Globalization;

namespace UpNest.Growth.Survey;

/// <summary>
/// Finds the input columns of a survey CSV by name (case-insensitive; first match wins, so a
/// repeated column such as igrowup's second "oedema" is ignored). Names and accepted aliases are
/// listed in docs/WHO-METHOD.md.
/// </summary>
internal sealed class SurveyColumns
{
    internal static readonly string[] DateFormats = ["yyyy-MM-dd", "d-MMM-yyyy", "M/d/yyyy", "d/M/yyyy"];

    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public SurveyColumns(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++) _index.TryAdd(header[i].Trim(), i);
        Sex = Find("sex", "gender");
        AgeDays = Find("agedays", "age.days", "age_days");
        AgeMonths = Find("agemons", "agemonths", "age.mo", "age_months");
        BirthDate = Find("birthdate", "dob", "birth_date");
        VisitDate = Find("visitdate", "dov", "visit_date", "measuredon");
        Weight = Find("weight", "weightkg");
        LengthHeight = Find("lengthheight", "lenhei", "height", "length");
        Measure = Find("measure");
        Oedema = Find("oedema", "edema");
        HeadC = Find("headc", "head");
        Muac = Find("muac");
        TriSkin = Find("triskin", "tri");
        SubSkin = Find("subskin", "sub");
        if (Sex < 0) throw new FormatException("The survey file has no sex (or gender) column.");
    }

    public int Sex { get; }
    public int AgeDays { get; }
    public int AgeMonths { get; }
    public int BirthDate { get; }
    public int VisitDate { get; }
    public int Weight { get; }
    public int LengthHeight { get; }
    public int Measure { get; }
    public int Oedema { get; }
    public int HeadC { get; }
    public int Muac { get; }
    public int TriSkin { get; }
    public int SubSkin { get; }

    /// <summary>Reads one row into a calculator input; throws <see cref="FormatException"/> with a reason.</summary>
    public GrowthInput Read(IReadOnlyList<string> f)
    {
        var ageDays = Number(f, AgeDays);
        var ageMonths = Number(f, AgeMonths);
        int? days = ageDays is { } d ? (int)Math.Floor(d)
            : ageMonths is { } m ? GrowthAge.FromMonths(m)
            : Date(f, BirthDate) is { } birth && Date(f, VisitDate) is { } visit ? GrowthAge.FromDates(birth, visit)
            : null;
        return new GrowthInput
        {
            Sex = ParseSex(Text(f, Sex)),
            AgeDays = days,
            AgeMonths = ageDays is null ? ageMonths : null,
            WeightKg = Number(f, Weight),
            LengthHeightCm = Number(f, LengthHeight),
            Position = Text(f, Measure).ToLowerInvariant() switch
            {
                "l" => MeasurementPosition.Recumbent,
                "h" => MeasurementPosition.Standing,
                "" => MeasurementPosition.Unknown,
                var other => throw new FormatException($"measure '{other}' is not l, h or blank"),
            },
            Oedema = Text(f, Oedema).ToLowerInvariant() switch
            {
                "y" or "yes" or "1" or "true" => true,
                "n" or "no" or "0" or "false" or "" => false,
                var other => throw new FormatException($"oedema '{other}' is not y or n"),
            },
            HeadCircumferenceCm = Number(f, HeadC),
            ArmCircumferenceCm = Number(f, Muac),
            TricepsSkinfoldMm = Number(f, TriSkin),
            SubscapularSkinfoldMm = Number(f, SubSkin),
        };
    }

    private int Find(params string[] names)
    {
        foreach (var name in names)
        {
            if (_index.TryGetValue(name, out var i)) return i;
        }
        return -1;
    }

    private static string Text(IReadOnlyList<string> f, int column) =>
        column >= 0 && column < f.Count ? f[column].Trim() : "";

    private static double? Number(IReadOnlyList<string> f, int column)
    {
        var text = Text(f, column);
        if (text.Length == 0 || text == "NA" || text == ".") return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"'{text}' is not a number");
    }

    private static DateOnly? Date(IReadOnlyList<string> f, int column)
    {
        var text = Text(f, column);
        if (text.Length == 0) return null;
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"'{text}' is not a date (yyyy-MM-dd)");
    }

    private static Sex ParseSex(string text) => text.ToLowerInvariant() switch
    {
        "1" or "m" or "male" => Growth.Sex.Male,
        "2" or "f" or "female" => Growth.Sex.Female,
        _ => throw new FormatException($"sex '{text}' is not 1/2 or male/female"),
    };
}
