using System.Globalization;
using UpNest.Growth.Survey;

namespace UpNest.Growth.Tests.Support;

/// <summary>A reference CSV read into rows addressed by header name (first occurrence wins).</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvTable(string path)
    {
        using var reader = new StreamReader(path);
        Header = CsvLine.Parse(reader.ReadLine() ?? "");
        for (var i = 0; i < Header.Count; i++) _index.TryAdd(Header[i], i);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) Rows.Add(new Row(this, CsvLine.Parse(line)));
        }
    }

    public IReadOnlyList<string> Header { get; }

    public List<Row> Rows { get; } = [];

    public sealed class Row(CsvTable table, IReadOnlyList<string> fields)
    {
        public string this[string column] => fields[table._index[column]].Trim();

        public double? Number(string column) =>
            this[column] is { Length: > 0 } s ? double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

        public double? Rounded(string column, int digits) => Number(column) is { } v ? Math.Round(v, digits) : null;
    }
}
