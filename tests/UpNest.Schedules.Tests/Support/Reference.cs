using System.Globalization;
using System.Text;

namespace UpNest.Schedules.Tests.Support;

/// <summary>
/// The shared reference files, read directly with a parser of the tests' own so that a
/// generator bug cannot hide behind the same code on both sides.
/// </summary>
internal static class Reference
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));

    public static string SchedulePath(string file) => Path.Combine(Directory, "schedules", file);

    public static IReadOnlyList<Dictionary<string, string>> Csv(string file)
    {
        var lines = ParseCsv(File.ReadAllText(SchedulePath(file), Encoding.UTF8));
        var header = lines[0];
        return lines.Skip(1).Select(row => header.Select((h, i) => (h, v: row[i])).ToDictionary(p => p.h, p => p.v)).ToList();
    }

    public static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    public static int? OptionalInt(string s) => s.Length == 0 ? null : Int(s);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("UpNest.slnx not found above " + AppContext.BaseDirectory);
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
