using System.Globalization;
using System.Text;

namespace UpNest.Growth.Generator;

/// <summary>
/// Turns the WHO LMS tables (tab-separated text as published with igrowup / who2007) into
/// UpNest's own compact binary resource, <c>who-lms.bin</c>.
/// The figures are WHO's (CC BY-NC-SA 3.0 IGO, see NOTICE-WHO.md); only the encoding is ours.
/// </summary>
/// <remarks>
/// Format, little-endian, deliberately simple so that the reader in UpNest.Growth stays tiny:
/// "UPNWHO" + version byte, table count byte, then per table: table id, key kind (0 = day,
/// 1 = tenth of a cm, 2 = month), the decimal scale of L, M and S, and per sex (1, 2): first key
/// and row count as varints, then each of the L, M, S columns as zig-zag varint deltas of the
/// value times 10^scale. Decimal mantissas keep every value exact: mantissa / 10^scale in double
/// arithmetic gives the same double as parsing the WHO's text, so no precision is lost.
/// </remarks>
public static class WhoLmsEncoder
{
    public const byte FormatVersion = 1;

    /// <summary>Source file per table id; the ids must match UpNest.Growth's internal WhoTable enum.</summary>
    public static readonly IReadOnlyList<(byte Id, string RelativePath, byte KeyKind)> Tables =
    [
        (0, "growth-standards-2006/weianthro.txt", 0),
        (1, "growth-standards-2006/lenanthro.txt", 0),
        (2, "growth-standards-2006/bmianthro.txt", 0),
        (3, "growth-standards-2006/hcanthro.txt", 0),
        (4, "growth-standards-2006/acanthro.txt", 0),
        (5, "growth-standards-2006/tsanthro.txt", 0),
        (6, "growth-standards-2006/ssanthro.txt", 0),
        (7, "growth-standards-2006/wflanthro.txt", 1),
        (8, "growth-standards-2006/wfhanthro.txt", 1),
        (9, "growth-reference-2007/wfawho2007.txt", 2),
        (10, "growth-reference-2007/hfawho2007.txt", 2),
        (11, "growth-reference-2007/bfawho2007.txt", 2),
    ];

    /// <summary>Encodes all tables found under <paramref name="whoReferenceDir"/> (the folder holding
    /// growth-standards-2006/ and growth-reference-2007/).</summary>
    public static byte[] Encode(string whoReferenceDir)
    {
        using var buffer = new MemoryStream();
        buffer.Write("UPNWHO"u8);
        buffer.WriteByte(FormatVersion);
        buffer.WriteByte((byte)Tables.Count);
        foreach (var (id, path, keyKind) in Tables)
        {
            var rows = ReadRows(Path.Combine(whoReferenceDir, path), keyKind);
            WriteTable(buffer, id, keyKind, rows, path);
        }
        return buffer.ToArray();
    }

    private sealed record Row(int Sex, long Key, decimal L, decimal M, decimal S);

    private static List<Row> ReadRows(string file, byte keyKind)
    {
        var rows = new List<Row>();
        using var reader = new StreamReader(file, Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{file} is empty");
        if (!header.StartsWith("sex\t", StringComparison.Ordinal))
            throw new InvalidDataException($"{file}: unexpected header '{header}'");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.TrimEnd('\r').Split('\t');
            var key = decimal.Parse(f[1], CultureInfo.InvariantCulture);
            // Length keys are stored in tenths of a cm so every key is an integer.
            var scaledKey = keyKind == 1 ? key * 10 : key;
            if (scaledKey != decimal.Truncate(scaledKey))
                throw new InvalidDataException($"{file}: key {f[1]} is not on the table grid");
            rows.Add(new Row(int.Parse(f[0], CultureInfo.InvariantCulture), (long)scaledKey,
                Parse(f[2]), Parse(f[3]), Parse(f[4])));
        }
        return rows;
    }

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void WriteTable(Stream output, byte id, byte keyKind, List<Row> rows, string name)
    {
        var scales = new[] { Scale(rows, r => r.L), Scale(rows, r => r.M), Scale(rows, r => r.S) };
        output.WriteByte(id);
        output.WriteByte(keyKind);
        foreach (var scale in scales) output.WriteByte(scale);
        for (var sex = 1; sex <= 2; sex++)
        {
            var part = rows.Where(r => r.Sex == sex).ToList();
            if (part.Count == 0) throw new InvalidDataException($"{name}: no rows for sex {sex}");
            for (var i = 1; i < part.Count; i++)
            {
                // The lookup indexes rows by key offset, so the grid must have no gaps.
                if (part[i].Key != part[i - 1].Key + 1)
                    throw new InvalidDataException($"{name}: gap after key {part[i - 1].Key} (sex {sex})");
            }
            WriteVarint(output, (ulong)part[0].Key);
            WriteVarint(output, (ulong)part.Count);
            WriteColumn(output, part.Select(r => r.L), scales[0]);
            WriteColumn(output, part.Select(r => r.M), scales[1]);
            WriteColumn(output, part.Select(r => r.S), scales[2]);
        }
    }

    private static byte Scale(List<Row> rows, Func<Row, decimal> column) =>
        rows.Max(r => (byte)((decimal.GetBits(column(r))[3] >> 16) & 0xFF));

    private static void WriteColumn(Stream output, IEnumerable<decimal> values, byte scale)
    {
        var factor = (decimal)Math.Pow(10, scale);
        long previous = 0;
        foreach (var value in values)
        {
            var mantissa = (long)(value * factor);
            var delta = mantissa - previous;
            WriteVarint(output, (ulong)((delta << 1) ^ (delta >> 63)));
            previous = mantissa;
        }
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }
}
