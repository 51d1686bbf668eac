using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// <summary>Per field: whether it holds a quote, the only way it can need unquoting or quoting again.</summary>
    private readonly bool[] _hadQuote = new bool[MaxFields];
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
        var fields = Split(line);
        if (fields < 0 || !TryRead(line, fields, out var input)) return false;

        var ages = GrowthCalculator.Score(input, _outcomes);
        EnsureRoom(line.Length * 2 + 512);
        // The input fields: runs of unquoted fields (with their commas) are copied as read; a field
        // with quotes is unquoted and quoted again only if it needs it, as CsvLine does.
        var limit = Math.Min(fields, _headerCount);
        var run = 0;
        for (var i = 0; i < limit; i++)
        {
            if (!_hadQuote[i]) continue;
            Put(line[run.._starts[i]]);
            PutEscaped(Unquote(line.Slice(_starts[i], _lengths[i])));
            run = _starts[i] + _lengths[i];
        }
        Put(line[run..(_starts[limit - 1] + _lengths[limit - 1])]);
        for (var i = fields; i < _headerCount; i++) Put((byte)',');
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
            EnsureRoom(800);
            _outLength += Utf8Numbers.FormatDecimals(clenhei, 3, _out.AsSpan(_outLength));
            Put((byte)',');
            if (input.WeightKg is { } w) _outLength += Utf8Numbers.FormatDecimals(GrowthCalculator.Bmi(w, clenhei), 4, _out.AsSpan(_outLength));
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
            EnsureRoom(32);
            _outLength += Utf8Numbers.FormatHundredths(rounded, _out.AsSpan(_outLength));
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

    /// <summary>
    /// Field boundaries as <see cref="CsvLine.Parse"/> finds them: a comma splits unless an odd number of
    /// quotes precede it in the field (a doubled quote toggles twice). Sixteen bytes at a time.
    /// </summary>
    private int Split(ReadOnlySpan<byte> line)
    {
        var count = 0;
        var quoted = false;
        _starts[0] = 0;
        _hadQuote[0] = false;
        ref var first = ref MemoryMarshal.GetReference(line);
        var commas = Vector128.Create((byte)',');
        var quotes = Vector128.Create((byte)'"');
        var i = 0;
        for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
        {
            var block = Vector128.LoadUnsafe(ref first, (nuint)i);
            var mask = (Vector128.Equals(block, commas) | Vector128.Equals(block, quotes)).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var at = i + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                if (line[at] == '"') { quoted = !quoted; _hadQuote[count] = true; }
                else if (!quoted && !EndField(ref count, at)) return -1;
            }
        }
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') { quoted = !quoted; _hadQuote[count] = true; }
            else if (c == ',' && !quoted && !EndField(ref count, i)) return -1;
        }
        _lengths[count] = line.Length - _starts[count];
        return count + 1;
    }

    private bool EndField(ref int count, int comma)
    {
        if (count + 1 == MaxFields) return false;
        _lengths[count] = comma - _starts[count];
        _starts[++count] = comma + 1;
        _hadQuote[count] = false;
        return true;
    }

    /// <summary>A field's content under <see cref="CsvLine.Parse"/>'s quoting rules, in a scratch buffer
    /// valid until the next call.</summary>
    private ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw)
    {
        if (_unquoted.Length < raw.Length) _unquoted = new byte[raw.Length * 2];
        var length = 0;
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (quoted)
            {
                if (c != '"') _unquoted[length++] = c;
                else if (i + 1 < raw.Length && raw[i + 1] == '"') { _unquoted[length++] = (byte)'"'; i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else _unquoted[length++] = c;
        }
        return _unquoted.AsSpan(0, length);
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

    /// <summary>A column's value, unquoted and trimmed as <see cref="string.Trim()"/> does (ASCII here);
    /// empty when absent. Valid until the next call.</summary>
    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int fields, int column)
    {
        if (column < 0 || column >= fields) return default;
        var value = line.Slice(_starts[column], _lengths[column]);
        if (_hadQuote[column]) value = Unquote(value);
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
        if (!Utf8Numbers.TryParse(text, out var v)) return false;
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
