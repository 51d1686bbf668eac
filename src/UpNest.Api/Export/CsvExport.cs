using System.Globalization;
using System.Text;
using UpNest.Core.Export;
using UpNest.Core.Measurements;

namespace UpNest.Api.Export;

/// <summary>
/// One row per measurement, RFC 4180 (CRLF, quotes doubled, fields with separators quoted).
/// Spreadsheets run a cell that starts with = + - @ (or tab/CR) as a formula, so such text cells
/// get a leading apostrophe: a note can never become a command on the parent's computer.
/// </summary>
public static class CsvExport
{
    private static readonly string[] Header =
    [
        "measurementId", "measuredOn", "weightKg", "lengthCm", "heightCm", "headCircumferenceCm", "armCircumferenceCm",
        "tricepsSkinfoldMm", "subscapularSkinfoldMm", "oedema", "note", "source",
    ];

    public static string Build(BabyExport export)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var m in export.Measurements)
        {
            var standing = m.Position == LengthPosition.Standing;
            AppendRow(csv,
            [
                m.Id,
                m.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Number(m.WeightKg),
                Number(standing ? null : m.LengthHeightCm),
                Number(standing ? m.LengthHeightCm : null),
                Number(m.HeadCircumferenceCm),
                Number(m.ArmCircumferenceCm),
                Number(m.TricepsSkinfoldMm),
                Number(m.SubscapularSkinfoldMm),
                m.Oedema ? "true" : "false",
                m.Note,
                m.Source,
            ]);
        }
        return csv.ToString();
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
