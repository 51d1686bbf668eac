using System.Reflection;

namespace UpNest.Growth.Standards;

/// <summary>
/// Reads the embedded who-lms.bin once per process (WHO figures, CC BY-NC-SA 3.0 IGO, see
/// NOTICE-WHO.md; produced by tools/UpNest.Growth.Generator, which documents the format).
/// </summary>
internal static class WhoLmsData
{
    public const string ResourceName = "UpNest.Growth.who-lms.bin";
    private const int TableCount = 12;

    // [table * 2 + sex - 1]; static readonly so the JIT treats the array reference as a constant.
    private static readonly LmsTable[] Tables = Load();

    public static LmsTable Get(WhoTable table, Sex sex) => Tables[((int)table << 1) + (int)sex - 1];

    /// <summary>The raw embedded bytes (used to prove the generator reproduces them).</summary>
    public static byte[] ReadResourceBytes()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static LmsTable[] Load()
    {
        var bytes = ReadResourceBytes();
        var reader = new Reader(bytes);
        if (!bytes.AsSpan(0, 6).SequenceEqual("UPNWHO"u8) || bytes[6] != 1)
            throw new InvalidDataException("who-lms.bin: unknown format.");
        reader.Position = 7;
        var count = reader.Byte();
        var tables = new LmsTable[TableCount * 2];
        for (var t = 0; t < count; t++)
        {
            var id = reader.Byte();
            reader.Byte(); // key kind: the lookups know their own grid
            var scales = new[] { reader.Byte(), reader.Byte(), reader.Byte() };
            for (var sex = 0; sex < 2; sex++)
            {
                var first = (int)reader.Varint();
                var rows = (int)reader.Varint();
                var l = reader.Column(rows, scales[0]);
                var m = reader.Column(rows, scales[1]);
                var s = reader.Column(rows, scales[2]);
                tables[(id << 1) + sex] = new LmsTable(first, l, m, s);
            }
        }
        if (Array.IndexOf(tables, null) >= 0) throw new InvalidDataException("who-lms.bin: a table is missing.");
        return tables;
    }

    private sealed class Reader(byte[] bytes)
    {
        public int Position { get; set; }

        public byte Byte() => bytes[Position++];

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[Position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
        }

        public double[] Column(int rows, byte scale)
        {
            // mantissa / 10^scale is correctly rounded, i.e. the same double as parsing the WHO text.
            var divisor = Math.Pow(10, scale);
            var values = new double[rows];
            long mantissa = 0;
            for (var i = 0; i < rows; i++)
            {
                var zigzag = Varint();
                mantissa += (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
                values[i] = mantissa / divisor;
            }
            return values;
        }
    }
}
