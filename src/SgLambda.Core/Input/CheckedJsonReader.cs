using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Input;

/// <summary>
/// Reads a JSON document into records of a source-generated context, after checking its shape against
/// the same metadata token by token. The check exists for the messages: System.Text.Json's own errors
/// name CLR types, while users need the file, the JSON path, the line and what was expected. Both passes
/// run on the file's UTF-8 bytes at the reader's speed; the path and the line are only worked out for an error.
/// </summary>
internal sealed class CheckedJsonReader
{
    private readonly string _fileName;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly ShapeRules _rules;
    // The path to the current value, turned into text only for an error.
    private readonly List<JsonPathSegment> _path = [];
    // Names of the fields no record member reads, of every object being read (duplicates are errors too).
    private readonly List<(int Start, int Length, bool Escaped)> _unknownNames = [];

    private CheckedJsonReader(string fileName, ReadOnlyMemory<byte> utf8, ShapeRules rules)
    {
        _fileName = fileName;
        _utf8 = utf8;
        _rules = rules;
    }

    /// <summary>Checks and deserializes the file; throws <see cref="InputException"/> for anything unusable.</summary>
    public static T Read<T>(InputFile file, JsonTypeInfo<T> typeInfo, ShapeRules rules)
    {
        ArgumentNullException.ThrowIfNull(file);
        var utf8 = file.Utf8;
        if (IsBlank(utf8.Span)) throw new InputException(file.Name, null, null, "not valid JSON: the file is empty");
        var shape = JsonShape.Of(typeInfo);
        new CheckedJsonReader(file.Name, utf8, rules).Check(shape);
        try
        {
            // Records keep their lists non-null themselves (see SecurityGroup), so the checked bytes deserialize as they are.
            return (rules.RootDefaults is null ? JsonSerializer.Deserialize(utf8.Span, typeInfo) : ReadWithDefaults(utf8, typeInfo, rules.RootDefaults))
                ?? throw new InputException(file.Name, "$", 1, "expected an object, got null");
        }
        catch (JsonException e)
        {
            // The shape check mirrors the deserializer; if they ever disagree, still no stack trace.
            throw new InputException(file.Name, e.Path, null, JsonSyntaxMessages.FirstSentence(e.Message));
        }
    }

    // config.json: its top-level defaults are not the types' defaults, so the document gets them written in.
    private static T? ReadWithDefaults<T>(ReadOnlyMemory<byte> utf8, JsonTypeInfo<T> typeInfo, JsonObject defaults)
    {
        var document = JsonNode.Parse(utf8.Span)!.AsObject();
        foreach (var (name, fallback) in defaults)
        {
            if (!document.ContainsKey(name)) document[name] = fallback?.DeepClone();
        }
        return document.Deserialize(typeInfo);
    }

    private void Check(JsonShape root)
    {
        var reader = new Utf8JsonReader(_utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            Next(ref reader);
            if (_rules.RootExpectation is { } expectation && reader.TokenType != JsonTokenType.StartObject)
                throw Problem(ref reader, $"{expectation}, got {Found(ref reader)}");
            CheckValue(ref reader, root, nullAllowed: false, fieldName: null);
            // Anything but whitespace after the document makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw new InputException(_fileName, null, (int?)e.LineNumber + 1, "not valid JSON: " + JsonSyntaxMessages.InUsersTerms(e.Message));
        }
    }

    private void CheckValue(ref Utf8JsonReader reader, JsonShape shape, bool nullAllowed, string? fieldName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (nullAllowed) return;
            throw Mismatch(ref reader, shape);
        }
        switch (shape.Kind)
        {
            case JsonShapeKind.Object:
                CheckObject(ref reader, shape);
                break;
            case JsonShapeKind.Array:
                CheckArray(ref reader, shape, fieldName);
                break;
            default:
                CheckScalar(ref reader, shape, fieldName);
                break;
        }
    }

    private void CheckObject(ref Utf8JsonReader reader, JsonShape shape)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Mismatch(ref reader, shape);
        var start = reader.TokenStartIndex;
        var unknownFrom = _unknownNames.Count;
        var seen = 0UL;
        var fields = shape.Fields;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            JsonShapeField? field = null;
            for (var i = 0; i < fields.Count; i++)
            {
                if (reader.ValueTextEquals(fields[i].Utf8Name))
                {
                    field = fields[i];
                    break;
                }
            }
            if (field is null)
            {
                CheckUnknownField(ref reader, shape, unknownFrom);
                continue;
            }
            _path.Add(new JsonPathSegment(field.Name, 0));
            Next(ref reader);
            var bit = 1UL << field.Index;
            if ((seen & bit) != 0) throw Problem(ref reader, $"field {field.Name} appears twice");
            seen |= bit;
            CheckValue(ref reader, field.Shape, field.NullAllowed, field.Name);
            _path.RemoveAt(_path.Count - 1);
        }
        _unknownNames.RemoveRange(unknownFrom, _unknownNames.Count - unknownFrom);
        var missing = fields.FirstOrDefault(field => field.IsRequired && (seen & (1UL << field.Index)) == 0);
        if (missing is null) return;
        var problem = _path.Count == 0 && _rules.RootExpectation is { } expectation
            ? RootFieldNames() is { Count: > 0 } names ? $"{expectation}, got an object with {string.Join(", ", names)}" : $"{expectation}, got an empty object"
            : $"missing required field {missing.Name}";
        throw new InputException(_fileName, PathText(), LineAt(start), problem);
    }

    // A field no record member reads: skipped, unless the file must not have any (a typo) or has it twice.
    private void CheckUnknownField(ref Utf8JsonReader reader, JsonShape shape, int unknownFrom)
    {
        var name = (Start: (int)reader.TokenStartIndex + 1, Length: reader.ValueSpan.Length, Escaped: reader.ValueIsEscaped);
        var duplicate = false;
        for (var i = unknownFrom; i < _unknownNames.Count && !duplicate; i++) duplicate = SameName(_unknownNames[i], name);
        _unknownNames.Add(name);
        var text = duplicate || _rules.RejectUnknownFields ? reader.GetString()! : null;
        Next(ref reader);
        if (text is not null)
        {
            _path.Add(new JsonPathSegment(text, 0));
            if (duplicate) throw Problem(ref reader, $"field {text} appears twice");
            throw Problem(ref reader, $"unknown field {text}: expected one of {string.Join(", ", shape.Fields.Select(f => f.Name))}");
        }
        reader.Skip();
    }

    private bool SameName((int Start, int Length, bool Escaped) a, (int Start, int Length, bool Escaped) b) =>
        !a.Escaped && !b.Escaped
            ? _utf8.Span.Slice(a.Start, a.Length).SequenceEqual(_utf8.Span.Slice(b.Start, b.Length))
            : string.Equals(Unescape(a), Unescape(b), StringComparison.Ordinal);

    private string Unescape((int Start, int Length, bool Escaped) name)
    {
        var raw = _utf8.Span.Slice(name.Start, name.Length);
        if (!name.Escaped) return Encoding.UTF8.GetString(raw);
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    // The root's field names in document order, for "got an object with ..." (read again: errors only).
    private List<string> RootFieldNames()
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(_utf8.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
            reader.Read();
            reader.Skip();
        }
        return names;
    }

    private void CheckArray(ref Utf8JsonReader reader, JsonShape shape, string? fieldName)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Mismatch(ref reader, shape);
        var element = shape.Element!;
        var index = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            _path.Add(new JsonPathSegment(null, index));
            CheckValue(ref reader, element, nullAllowed: false, fieldName);
            _path.RemoveAt(_path.Count - 1);
            index++;
        }
    }

    private void CheckScalar(ref Utf8JsonReader reader, JsonShape shape, string? fieldName)
    {
        switch (shape.Kind)
        {
            case JsonShapeKind.String:
                if (reader.TokenType != JsonTokenType.String) throw Mismatch(ref reader, shape);
                if (fieldName is not null
                    && _rules.StringChecks.Count > 0
                    && _rules.StringChecks.TryGetValue(fieldName, out var check)
                    && check(reader.GetString()!) is { } problem)
                    throw Problem(ref reader, problem);
                break;
            case JsonShapeKind.Integer:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out _)) throw Mismatch(ref reader, shape);
                break;
            case JsonShapeKind.Boolean:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) throw Mismatch(ref reader, shape);
                break;
            case JsonShapeKind.Enum:
                if (reader.TokenType == JsonTokenType.String && shape.EnumNames.Contains(reader.GetString(), StringComparer.Ordinal)) return;
                var found = reader.TokenType == JsonTokenType.String ? $"'{Shorten(reader.GetString()!)}'" : Found(ref reader);
                throw Problem(ref reader, $"unknown {fieldName ?? "value"} {found}: expected {OneOf(shape.EnumNames)}");
            default:
                throw new InvalidOperationException($"no shape check for {shape.TypeInfo.Type}");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        // With the whole file as the final block, the reader throws on truncated input rather than returning false.
        if (!reader.Read()) throw new JsonException("unexpected end of the file");
        return reader.TokenType;
    }

    private InputException Mismatch(ref Utf8JsonReader reader, JsonShape shape) =>
        Problem(ref reader, $"expected {Expected(shape)}, got {Found(ref reader)}");

    private InputException Problem(ref Utf8JsonReader reader, string problem) =>
        new(_fileName, PathText(), LineAt(reader.TokenStartIndex), problem);

    private string PathText()
    {
        var text = new StringBuilder("$");
        foreach (var segment in _path)
        {
            if (segment.Field is { } field) text.Append('.').Append(field);
            else text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        return text.ToString();
    }

    private int LineAt(long byteIndex) => 1 + _utf8.Span[..(int)byteIndex].Count((byte)'\n');

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static string Expected(JsonShape shape) => shape.Kind switch
    {
        JsonShapeKind.Object => "an object",
        JsonShapeKind.Array => "an array",
        JsonShapeKind.String => "a string",
        JsonShapeKind.Integer => "an integer",
        JsonShapeKind.Boolean => "true or false",
        _ => OneOf(shape.EnumNames),
    };

    private static string Found(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Shorten(reader.GetString()!)}\"",
        JsonTokenType.Number => "the number " + Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    private static string OneOf(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
