namespace UpNest.Growth.Survey;

/// <summary>
/// Lines of a UTF-8 stream as spans into one reusable buffer, split as <see cref="TextReader.ReadLine"/>
/// splits them (\n, \r or \r\n) and with a leading UTF-8 byte-order mark removed as
/// <see cref="StreamReader"/> does. A span is valid until the next <see cref="TryRead"/>.
/// </summary>
internal sealed class Utf8LineReader(Stream input) : IDisposable
{
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    /// <summary>False when the stream starts with a UTF-16 or UTF-32 byte-order mark (StreamReader would decode it).</summary>
    public bool IsUtf8
    {
        get
        {
            Start();
            var head = _buffer.AsSpan(0, _end);
            return !(head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
                || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]));
        }
    }

    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        Start();
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var i = span.IndexOfAny((byte)'\r', (byte)'\n');
            // A \r at the end of the buffer may be the first half of \r\n: read on before deciding.
            if (i >= 0 && !(span[i] == '\r' && i + 1 == span.Length && !_eof))
            {
                line = span[..i];
                _start += i + (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1);
                return true;
            }
            if (_eof)
            {
                line = span;
                _start = _end;
                return span.Length > 0;
            }
            Fill();
        }
    }

    private void Start()
    {
        if (_started) return;
        _started = true;
        while (!_eof && _end < 4) Fill();
        if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start = 3;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    public void Dispose() => input.Dispose();
}
