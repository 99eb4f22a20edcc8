using System.Text;

namespace SgLambda.Cli.Output;

/// <summary>
/// Collects small writes and passes them on in large pieces. The console's writer flushes on every call,
/// which for a YAML emitter writing a token at a time would be a system call per token.
/// </summary>
internal sealed class BufferedTextWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    private const int Capacity = 64 * 1024;
    private readonly char[] _buffer = new char[Capacity];
    private int _count;

    public override Encoding Encoding => inner.Encoding;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null as the default line end.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (_count == Capacity) Flush();
        _buffer[_count++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.Length > Capacity - _count) Flush();
        if (buffer.Length >= Capacity)
        {
            inner.Write(buffer);
            return;
        }
        buffer.CopyTo(_buffer.AsSpan(_count));
        _count += buffer.Length;
    }

    public override void Flush()
    {
        if (_count > 0) inner.Write(_buffer, 0, _count);
        _count = 0;
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
