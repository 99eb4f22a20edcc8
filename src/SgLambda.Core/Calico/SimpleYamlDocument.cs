using System.Buffers;
using System.Text.Json;

namespace SgLambda.Core.Calico;

/// <summary>
/// Writes one JSON document as the block YAML that <see cref="YamlWriter"/>'s emitter writes for it, without the
/// emitter, when every scalar's YAML spelling is obvious: printable ASCII once JSON's escapes are read, plain
/// unless <see cref="YamlWriter"/> quotes it (then double-quoted, with nothing to escape). Anything else (another
/// character, an empty mapping or a list as an item of a list, a key too long for a simple key) gives up, and the caller
/// writes that document with the emitter. YamlDotNet's emitter analyses every scalar and allocates an event per
/// token; for a large account this writer is several times faster, and the property
/// <c>SimpleYamlDocumentProperties</c> holds it to the emitter's text.
/// </summary>
internal static class SimpleYamlDocument
{
    // Below YamlDotNet's simple-key limit (the writer's maxSimpleKeyLength), with margin.
    private const int LongestKey = 1000;

    /// <summary>Appends <c>---</c> and the document to <paramref name="text"/>; false (and the text partly written) when it gives up.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> json, ArrayBufferWriter<char> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        Append(text, "---\n");
        return TryMapping(ref reader, text, indent: 0, firstKeyInline: false);
    }

    // The reader is on StartObject; left on its EndObject. Keys at indent, the first right after "- " when inline.
    private static bool TryMapping(ref Utf8JsonReader reader, ArrayBufferWriter<char> text, int indent, bool firstKeyInline)
    {
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!(first && firstKeyInline)) Indent(text, indent);
            first = false;
            if (reader.ValueSpan.Length > LongestKey || !TryScalar(ref reader, text)) return false;
            Append(text, ":");
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when IsEmpty(reader):
                    reader.Read();
                    Append(text, " {}\n");
                    break;
                case JsonTokenType.StartArray when IsEmpty(reader):
                    reader.Read();
                    Append(text, " []\n");
                    break;
                case JsonTokenType.StartObject:
                    Append(text, "\n");
                    if (!TryMapping(ref reader, text, indent + 2, firstKeyInline: false)) return false;
                    break;
                case JsonTokenType.StartArray:
                    Append(text, "\n");
                    // The emitter writes a mapping's sequence at the key's own indent.
                    if (!TrySequence(ref reader, text, indent)) return false;
                    break;
                default:
                    Append(text, " ");
                    if (!TryScalar(ref reader, text)) return false;
                    Append(text, "\n");
                    break;
            }
        }
        return !first;
    }

    // The reader is on StartArray (not empty); left on its EndArray.
    private static bool TrySequence(ref Utf8JsonReader reader, ArrayBufferWriter<char> text, int indent)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Indent(text, indent);
            Append(text, "- ");
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (IsEmpty(reader) || !TryMapping(ref reader, text, indent + 2, firstKeyInline: true)) return false;
                    break;
                case JsonTokenType.StartArray:
                    return false;
                default:
                    if (!TryScalar(ref reader, text)) return false;
                    Append(text, "\n");
                    break;
            }
        }
        return true;
    }

    private static bool TryScalar(ref Utf8JsonReader reader, ArrayBufferWriter<char> text)
    {
        var raw = reader.ValueSpan;
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            // Numbers, true, false and null as JSON spells them, plain.
            Latin1(raw, text);
            return true;
        }
        if (raw.Length > 4096) return false;
        // Unescaped (the serializer escapes ' & + < > as \uXXXX); never more chars than UTF-8 bytes.
        Span<char> buffer = stackalloc char[raw.Length];
        var chars = buffer[..reader.CopyString(buffer)];
        foreach (var c in chars)
        {
            // Printable ASCII only; a quote or backslash would need escaping when quoted.
            if (c is < ' ' or > '~' or '"' or '\\') return false;
        }
        if (NeedsQuotes(chars))
        {
            Append(text, "\"");
            Append(text, chars);
            Append(text, "\"");
            return true;
        }
        // What else the emitter would quote (a leading space, "..." that reads as a document end) or weigh (two spaces).
        if (chars[0] == ' ' || chars.StartsWith("...", StringComparison.Ordinal) || chars.Contains("  ", StringComparison.Ordinal)) return false;
        Append(text, chars);
        return true;
    }

    // YamlWriter.NeedsQuotes, answered without its regex for the common case: one line of printable ASCII that starts
    // with a letter no YAML keyword starts with (null, true, false, yes, no, on, off, y, n) cannot be a number, a
    // keyword or an indicator, so only ": ", " #" or a last ':' or ' ' could still make it ambiguous.
    private static bool NeedsQuotes(ReadOnlySpan<char> chars)
    {
        var plainStart = !chars.IsEmpty && char.IsAsciiLetter(chars[0]) && !"nNtTfFyYoO".Contains(chars[0]);
        var clearlyPlain = plainStart
            && chars[^1] is not (':' or ' ')
            && !chars.Contains(": ", StringComparison.Ordinal)
            && !chars.Contains(" #", StringComparison.Ordinal);
        return !clearlyPlain && YamlWriter.NeedsQuotes(chars);
    }

    private static bool IsEmpty(Utf8JsonReader reader)
    {
        // A copy of the reader: looks at the next token without moving the caller's.
        reader.Read();
        return reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray;
    }

    private static void Indent(ArrayBufferWriter<char> text, int indent)
    {
        text.GetSpan(indent)[..indent].Fill(' ');
        text.Advance(indent);
    }

    private static void Latin1(ReadOnlySpan<byte> raw, ArrayBufferWriter<char> text)
    {
        var span = text.GetSpan(raw.Length);
        for (var i = 0; i < raw.Length; i++) span[i] = (char)raw[i];
        text.Advance(raw.Length);
    }

    private static void Append(ArrayBufferWriter<char> text, ReadOnlySpan<char> value) => text.Write(value);
}
