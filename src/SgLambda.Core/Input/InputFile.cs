using System.Text;

namespace SgLambda.Core.Input;

/// <summary>
/// The content of one input file and the name to show in errors (the path as the user gave it). Made from
/// text, or from the file's bytes as read: the JSON readers work on UTF-8, so large files are never decoded
/// to a string they would encode back.
/// </summary>
public sealed class InputFile
{
    private string? _text;
    private ReadOnlyMemory<byte>? _utf8;

    public InputFile(string name, string text)
    {
        Name = name;
        _text = text;
    }

    /// <summary>
    /// From the bytes of a file: UTF-8 (a byte order mark is dropped), or UTF-16/UTF-32 with a byte order
    /// mark, decoded as <see cref="File.ReadAllText(string)"/> would.
    /// </summary>
    public InputFile(string name, ReadOnlyMemory<byte> bytes)
    {
        Name = name;
        var span = bytes.Span;
        if (span.StartsWith(Encoding.UTF8.Preamble)) _utf8 = bytes[Encoding.UTF8.Preamble.Length..];
        else if (DecodingEncoding(span) is { } encoding) _text = encoding.GetString(span[encoding.Preamble.Length..]);
        else _utf8 = bytes;
    }

    public string Name { get; }

    public string Text => _text ??= Encoding.UTF8.GetString(_utf8!.Value.Span);

    public ReadOnlyMemory<byte> Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(_text!);

    private static Encoding? DecodingEncoding(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE before UTF-16 LE: its mark begins with UTF-16 LE's.
        Encoding[] candidates = [new UTF32Encoding(bigEndian: false, byteOrderMark: true), new UTF32Encoding(bigEndian: true, byteOrderMark: true), Encoding.Unicode, Encoding.BigEndianUnicode];
        foreach (var encoding in candidates)
        {
            if (bytes.StartsWith(encoding.Preamble)) return encoding;
        }
        return null;
    }
}
