using System.Globalization;
using System.Text;

namespace UpNest.Growth.Survey;

/// <summary>
/// <see cref="SurveyScorer"/>'s output, byte for byte, straight from UTF-8 bytes: lines and fields
/// are spans into one reusable buffer, numbers are parsed and formatted in place, and a row allocates
/// nothing. Rows it does not handle itself (any non-ASCII byte, or a value that does not read) go
/// through the text scorer, so output and error messages stay the text scorer's by construction.
/// </summary>
internal sealed class Utf8SurveyScorer
{
    private const int MaxFields = 4096;
    private static ReadOnlySpan<byte> QuoteTriggers => ",\"\r\n"u8;

    private readonly SurveyColumns _columns;
    private readonly int _headerCount;
    private readonly Stream _output;
    private readonly IndicatorOutcome[] _outcomes = new IndicatorOutcome[IndicatorOutcome.Slots];
    private readonly int[] _starts = new int[MaxFields];
    private readonly int[] _lengths = new int[MaxFields];
    private byte[] _unquoted = new byte[4096];
    private byte[] _out = new byte[1 << 20];
    private int _outLength;

    private Utf8SurveyScorer(SurveyColumns columns, int headerCount, Stream output) =>
        (_columns, _headerCount, _output) = (columns, headerCount, output);

    public static SurveyProgress Score(Utf8LineReader lines, Stream output, Action<SurveyProgress>? progress, CancellationToken cancellationToken)
    {
        if (!lines.TryRead(out var headerBytes)) throw new FormatException("The survey file is empty.");
        var header = CsvLine.Parse(Encoding.UTF8.GetString(headerBytes).TrimStart('\uFEFF'));
        var scorer = new Utf8SurveyScorer(new SurveyColumns(header), header.Count, output);
        scorer.WriteText(TextRow(header, header.Count, SurveyScorer.AddedColumns));

        long rows = 0, errors = 0;
        while (lines.TryRead(out var line))
        {
            if (line.Length == 0) continue;
            if (!scorer.TryScoreAscii(line) && scorer.ScoreAsText(line)) errors++;
            if (++rows % SurveyScorer.ProgressInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(new SurveyProgress(rows, errors));
            }
        }
        scorer.Flush();
        output.Flush();
        var done = new SurveyProgress(rows, errors);
        progress?.Invoke(done);
        return done;
    }

    /// <summary>The text scorer's line for one row: the input fields (cut or padded to the header) and the added ones.</summary>
    internal static string TextRow(IReadOnlyList<string> fields, int headerCount, IEnumerable<string> added)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        CsvLine.Write(line, fields.Take(headerCount).Concat(Enumerable.Repeat("", Math.Max(0, headerCount - fields.Count))).Concat(added));
        return line.ToString();
    }

    /// <returns>True when the row was scored here; false when it needs the text scorer.</returns>
    private bool TryScoreAscii(ReadOnlySpan<byte> line)
    {
        if (!Ascii.IsValid(line)) return false;
        var quoted = line.Contains((byte)'"');
        var fields = quoted ? SplitQuoted(line) : Split(line);
        if (fields < 0) return false;
        ReadOnlySpan<byte> source = quoted ? _unquoted : line;
        if (!TryRead(source, fields, out var input)) return false;

        var ages = GrowthCalculator.Score(input, _outcomes);
        EnsureRoom(line.Length * 2 + 512);
        for (var i = 0; i < _headerCount; i++)
        {
            if (i > 0) Put((byte)',');
            if (i < fields) PutEscaped(source.Slice(_starts[i], _lengths[i]));
        }
        Put((byte)',');
        if (ages.Used is { } age)
        {
            PutFormatted(age);
            Put((byte)',');
            Put(age <= ZScores.WhoRules.LastDay2006 ? "WHO2006"u8 : "WHO2007"u8);
        }
        else Put((byte)',');
        Put((byte)',');
        if (ages.AdjustedLengthHeight is { } clenhei)
        {
            PutFormatted(clenhei, "0.###");
            Put((byte)',');
            if (input.WeightKg is { } w) PutFormatted(GrowthCalculator.Bmi(w, clenhei), "0.####");
        }
        else Put((byte)',');
        for (var column = 0; column < ZColumnIndicators.Length; column++)
        {
            Put((byte)',');
            var indicator = ZColumnIndicators[column];
            ref readonly var outcome = ref _outcomes[(int)indicator];
            if (indicator == Indicator.WeightForLength && !outcome.Present) outcome = ref _outcomes[(int)Indicator.WeightForHeight];
            if (!outcome.Present || double.IsNaN(outcome.Z)) { Put((byte)','); continue; }
            var rounded = ZScores.WhoRounding.Round2(outcome.Z);
            PutFormatted(rounded, "0.00");
            Put((byte)',');
            Put(ZScores.WhoRules.Flag(indicator, rounded) is null ? (byte)'0' : (byte)'1');
        }
        // _error stays blank.
        Put((byte)',');
        Put((byte)'\n');
        return true;
    }

    /// <summary>Weight-for-length here stands for weight-for-length or -height (igrowup's zwfl).</summary>
    private static readonly Indicator[] ZColumnIndicators =
    [
        Indicator.WeightForAge, Indicator.LengthHeightForAge, Indicator.WeightForLength, Indicator.BmiForAge,
        Indicator.HeadCircumferenceForAge, Indicator.ArmCircumferenceForAge, Indicator.TricepsSkinfoldForAge, Indicator.SubscapularSkinfoldForAge,
    ];

    /// <returns>True when the row went into <c>_error</c>.</returns>
    private bool ScoreAsText(ReadOnlySpan<byte> line)
    {
        var fields = CsvLine.Parse(Encoding.UTF8.GetString(line));
        var added = SurveyScorer.ScoreRow(_columns, fields, out var failed);
        WriteText(TextRow(fields, _headerCount, added));
        return failed;
    }

    private int Split(ReadOnlySpan<byte> line)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            if (count == MaxFields) return -1;
            var comma = line[start..].IndexOf((byte)',');
            _starts[count] = start;
            _lengths[count++] = comma < 0 ? line.Length - start : comma;
            if (comma < 0) return count;
            start += comma + 1;
        }
    }

    /// <summary><see cref="CsvLine.Parse"/>'s quoting rules, unquoting into <c>_unquoted</c>.</summary>
    private int SplitQuoted(ReadOnlySpan<byte> line)
    {
        if (_unquoted.Length < line.Length) _unquoted = new byte[line.Length * 2];
        var count = 0;
        var length = 0;
        var quoted = false;
        _starts[0] = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') _unquoted[length++] = c;
                else if (i + 1 < line.Length && line[i + 1] == '"') { _unquoted[length++] = (byte)'"'; i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',')
            {
                if (count + 1 == MaxFields) return -1;
                _lengths[count] = length - _starts[count];
                _starts[++count] = length;
            }
            else if (c != '\r') _unquoted[length++] = c;
        }
        _lengths[count] = length - _starts[count];
        return count + 1;
    }

    /// <summary><see cref="SurveyColumns.Read"/> on ASCII spans; false where that would throw (or for dates it cannot read).</summary>
    private bool TryRead(ReadOnlySpan<byte> source, int fields, out GrowthInput input)
    {
        input = default;
        var c = _columns;
        if (!TryNumber(source, fields, c.AgeDays, out var ageDays) || !TryNumber(source, fields, c.AgeMonths, out var ageMonths)) return false;
        int? days;
        if (ageDays is { } d) days = (int)Math.Floor(d);
        else if (ageMonths is { } m) days = GrowthAge.FromMonths(m);
        else
        {
            if (!TryDate(Field(source, fields, c.BirthDate), out var birth)) return false;
            DateOnly? visit = null;
            if (birth is not null && !TryDate(Field(source, fields, c.VisitDate), out visit)) return false;
            days = birth is { } b && visit is { } v ? GrowthAge.FromDates(b, v) : null;
        }
        var sexText = Field(source, fields, c.Sex);
        Sex sex;
        if (sexText.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(sexText, "m"u8) || Ascii.EqualsIgnoreCase(sexText, "male"u8)) sex = Sex.Male;
        else if (sexText.SequenceEqual("2"u8) || Ascii.EqualsIgnoreCase(sexText, "f"u8) || Ascii.EqualsIgnoreCase(sexText, "female"u8)) sex = Sex.Female;
        else return false;
        var measure = Field(source, fields, c.Measure);
        var position = measure.Length == 0 ? MeasurementPosition.Unknown
            : Ascii.EqualsIgnoreCase(measure, "l"u8) ? MeasurementPosition.Recumbent
            : Ascii.EqualsIgnoreCase(measure, "h"u8) ? MeasurementPosition.Standing
            : (MeasurementPosition)(-1);
        if ((int)position < 0) return false;
        var oedemaText = Field(source, fields, c.Oedema);
        bool oedema;
        if (Ascii.EqualsIgnoreCase(oedemaText, "y"u8) || Ascii.EqualsIgnoreCase(oedemaText, "yes"u8) || oedemaText.SequenceEqual("1"u8)
            || Ascii.EqualsIgnoreCase(oedemaText, "true"u8)) oedema = true;
        else if (oedemaText.Length == 0 || Ascii.EqualsIgnoreCase(oedemaText, "n"u8) || Ascii.EqualsIgnoreCase(oedemaText, "no"u8)
            || oedemaText.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(oedemaText, "false"u8)) oedema = false;
        else return false;
        if (!TryNumber(source, fields, c.Weight, out var weight) || !TryNumber(source, fields, c.LengthHeight, out var lengthHeight)
            || !TryNumber(source, fields, c.HeadC, out var head) || !TryNumber(source, fields, c.Muac, out var muac)
            || !TryNumber(source, fields, c.TriSkin, out var triceps) || !TryNumber(source, fields, c.SubSkin, out var subscapular)) return false;
        input = new GrowthInput
        {
            Sex = sex,
            AgeDays = days,
            AgeMonths = ageDays is null ? ageMonths : null,
            WeightKg = weight,
            LengthHeightCm = lengthHeight,
            Position = position,
            Oedema = oedema,
            HeadCircumferenceCm = head,
            ArmCircumferenceCm = muac,
            TricepsSkinfoldMm = triceps,
            SubscapularSkinfoldMm = subscapular,
        };
        return true;
    }

    /// <summary>A column's value, trimmed as <see cref="string.Trim()"/> does (ASCII here); empty when absent.</summary>
    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> source, int fields, int column)
    {
        if (column < 0 || column >= fields) return default;
        var value = source.Slice(_starts[column], _lengths[column]);
        var from = 0;
        while (from < value.Length && char.IsWhiteSpace((char)value[from])) from++;
        var to = value.Length;
        while (to > from && char.IsWhiteSpace((char)value[to - 1])) to--;
        return value[from..to];
    }

    private bool TryNumber(ReadOnlySpan<byte> source, int fields, int column, out double? value)
    {
        value = null;
        var text = Field(source, fields, column);
        if (text.Length == 0 || text.SequenceEqual("NA"u8) || text.SequenceEqual("."u8)) return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return false;
        value = v;
        return true;
    }

    private static bool TryDate(ReadOnlySpan<byte> text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0) return true;
        if (text.Length > 64) return false;
        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        if (!DateOnly.TryParseExact(chars, SurveyColumns.DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private void PutEscaped(ReadOnlySpan<byte> field)
    {
        if (field.IndexOfAny(QuoteTriggers) < 0) { Put(field); return; }
        EnsureRoom(field.Length * 2 + 2);
        Put((byte)'"');
        foreach (var b in field)
        {
            if (b == '"') Put((byte)'"');
            Put(b);
        }
        Put((byte)'"');
    }

    private void PutFormatted(int value)
    {
        value.TryFormat(_out.AsSpan(_outLength), out var written, provider: CultureInfo.InvariantCulture);
        _outLength += written;
    }

    private void PutFormatted(double value, string format)
    {
        EnsureRoom(64);
        if (!value.TryFormat(_out.AsSpan(_outLength), out var written, format, CultureInfo.InvariantCulture))
        {
            EnsureRoom(400);
            value.TryFormat(_out.AsSpan(_outLength), out written, format, CultureInfo.InvariantCulture);
        }
        _outLength += written;
    }

    private void Put(byte b)
    {
        if (_outLength == _out.Length) Flush();
        _out[_outLength++] = b;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        EnsureRoom(bytes.Length);
        bytes.CopyTo(_out.AsSpan(_outLength));
        _outLength += bytes.Length;
    }

    private void WriteText(string text)
    {
        EnsureRoom(Encoding.UTF8.GetMaxByteCount(text.Length));
        _outLength += Encoding.UTF8.GetBytes(text, _out.AsSpan(_outLength));
    }

    /// <summary>Flushes when the buffer is more than half full, and grows it for very long rows.</summary>
    private void EnsureRoom(int bytes)
    {
        if (_outLength + bytes <= _out.Length) return;
        Flush();
        if (bytes > _out.Length) Array.Resize(ref _out, bytes * 2);
    }

    private void Flush()
    {
        _output.Write(_out, 0, _outLength);
        _outLength = 0;
    }
}
