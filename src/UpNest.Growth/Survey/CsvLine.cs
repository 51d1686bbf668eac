using System.Text;

namespace UpNest.Growth.Survey;

/// <summary>
/// One CSV record on one line (RFC 4180 quoting, comma separated). Survey files from WHO Anthro,
/// Stata and R never put line breaks inside fields, which keeps streaming line by line simple.
/// </summary>
public static class CsvLine
{
    public static IReadOnlyList<string> Parse(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c != '\r') field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Quotes a field only when it needs it.</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    public static void Write(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) writer.Write(',');
            writer.Write(Escape(f));
            first = false;
        }
        writer.Write('\n');
    }
}
