using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Input;

/// <summary>
/// Reads a JSON document into records of a source-generated context, after checking its shape against
/// the same metadata token by token. The check exists for the messages: System.Text.Json's own errors
/// name CLR types, while users need the file, the JSON path, the line and what was expected.
/// </summary>
internal sealed class CheckedJsonReader
{
    private readonly string fileName;
    private readonly byte[] utf8;
    private readonly JsonSerializerOptions options;
    private readonly ShapeRules rules;

    private CheckedJsonReader(string fileName, byte[] utf8, JsonSerializerOptions options, ShapeRules rules)
    {
        this.fileName = fileName;
        this.utf8 = utf8;
        this.options = options;
        this.rules = rules;
    }

    /// <summary>Checks and deserializes the file; throws <see cref="InputException"/> for anything unusable.</summary>
    public static T Read<T>(InputFile file, JsonTypeInfo<T> typeInfo, ShapeRules rules)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (string.IsNullOrWhiteSpace(file.Text))
            throw new InputException(file.Name, null, null, "not valid JSON: the file is empty");
        var utf8 = Encoding.UTF8.GetBytes(file.Text);
        new CheckedJsonReader(file.Name, utf8, typeInfo.Options, rules).Check(typeInfo);
        var document = JsonNode.Parse(utf8)!;
        FillDefaults(document.AsObject(), rules.RootDefaults);
        FillAbsentArrays(document, typeInfo, typeInfo.Options);
        try
        {
            return document.Deserialize(typeInfo)
                ?? throw new InputException(file.Name, "$", 1, "expected an object, got null");
        }
        catch (JsonException e)
        {
            // The shape check mirrors the deserializer; if they ever disagree, still no stack trace.
            throw new InputException(file.Name, e.Path, null, FirstSentence(e.Message));
        }
    }

    // Source-generated deserialization sets every init-only member, so a member absent from the JSON gets
    // default(T) instead of its initializer (dotnet/runtime#84484): a list left out would be null, not [].
    // Writing the defaults into the document keeps the records' declared defaults.
    private static void FillDefaults(JsonObject document, JsonObject? defaults)
    {
        if (defaults is null) return;
        foreach (var (name, value) in defaults)
        {
            if (!document.ContainsKey(name)) document[name] = value?.DeepClone();
        }
    }

    private static void FillAbsentArrays(JsonNode? node, JsonTypeInfo type, JsonSerializerOptions options)
    {
        if (type.Kind == JsonTypeInfoKind.Object && node is JsonObject map)
        {
            foreach (var property in type.Properties)
            {
                var propertyType = options.GetTypeInfo(property.PropertyType);
                if (map.TryGetPropertyValue(property.Name, out var value))
                    FillAbsentArrays(value, propertyType, options);
                else if (propertyType.Kind == JsonTypeInfoKind.Enumerable && !property.IsSetNullable)
                    map[property.Name] = new JsonArray();
            }
        }
        else if (type.Kind == JsonTypeInfoKind.Enumerable && node is JsonArray list)
        {
            var elementType = options.GetTypeInfo(type.ElementType!);
            foreach (var item in list) FillAbsentArrays(item, elementType, options);
        }
    }

    private void Check(JsonTypeInfo root)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            Next(ref reader);
            if (rules.RootExpectation is { } expectation && reader.TokenType != JsonTokenType.StartObject)
                throw Problem(ref reader, "$", $"{expectation}, got {Found(ref reader)}");
            CheckValue(ref reader, root, "$", nullAllowed: false, fieldName: null);
            // Anything but whitespace after the document makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw new InputException(fileName, null, (int?)e.LineNumber + 1, "not valid JSON: " + FirstSentence(e.Message));
        }
    }

    private void CheckValue(ref Utf8JsonReader reader, JsonTypeInfo type, string path, bool nullAllowed, string? fieldName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (nullAllowed) return;
            throw Mismatch(ref reader, path, type);
        }
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(ref reader, type, path);
                break;
            case JsonTypeInfoKind.Enumerable:
                CheckArray(ref reader, type, path, fieldName);
                break;
            case JsonTypeInfoKind.None:
                CheckScalar(ref reader, type, path, fieldName);
                break;
            default:
                throw new InvalidOperationException($"no shape check for {type.Type} ({type.Kind})");
        }
    }

    private void CheckObject(ref Utf8JsonReader reader, JsonTypeInfo type, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Mismatch(ref reader, path, type);
        var start = reader.TokenStartIndex;
        var seen = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            var fieldPath = path + "." + name;
            Next(ref reader);
            var field = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (seen.Contains(name, StringComparer.Ordinal)) throw Problem(ref reader, fieldPath, $"field {name} appears twice");
            seen.Add(name);
            if (field is null)
            {
                if (rules.RejectUnknownFields)
                    throw Problem(ref reader, fieldPath, $"unknown field {name}: expected one of {string.Join(", ", type.Properties.Select(p => p.Name))}");
                reader.Skip();
                continue;
            }
            CheckValue(ref reader, options.GetTypeInfo(field.PropertyType), fieldPath, field.IsSetNullable, name);
        }
        var missing = type.Properties.FirstOrDefault(p => p.IsRequired && !seen.Contains(p.Name, StringComparer.Ordinal));
        if (missing is null) return;
        var problem = path == "$" && rules.RootExpectation is { } expectation
            ? seen.Count == 0 ? $"{expectation}, got an empty object" : $"{expectation}, got an object with {string.Join(", ", seen)}"
            : $"missing required field {missing.Name}";
        throw new InputException(fileName, path, LineAt(start), problem);
    }

    private void CheckArray(ref Utf8JsonReader reader, JsonTypeInfo type, string path, string? fieldName)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Mismatch(ref reader, path, type);
        var element = options.GetTypeInfo(type.ElementType!);
        var index = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            CheckValue(ref reader, element, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", nullAllowed: false, fieldName);
            index++;
        }
    }

    private void CheckScalar(ref Utf8JsonReader reader, JsonTypeInfo type, string path, string? fieldName)
    {
        var clrType = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        if (clrType == typeof(string))
        {
            if (reader.TokenType != JsonTokenType.String) throw Mismatch(ref reader, path, type);
            if (fieldName is not null
                && rules.StringChecks.TryGetValue(fieldName, out var check)
                && check(reader.GetString()!) is { } problem)
                throw Problem(ref reader, path, problem);
        }
        else if (clrType == typeof(int))
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out _)) throw Mismatch(ref reader, path, type);
        }
        else if (clrType == typeof(bool))
        {
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) throw Mismatch(ref reader, path, type);
        }
        else if (clrType.IsEnum)
        {
            var names = Enum.GetNames(clrType);
            if (reader.TokenType == JsonTokenType.String && names.Contains(reader.GetString(), StringComparer.Ordinal)) return;
            var found = reader.TokenType == JsonTokenType.String ? $"'{Shorten(reader.GetString()!)}'" : Found(ref reader);
            throw Problem(ref reader, path, $"unknown {fieldName ?? "value"} {found}: expected {OneOf(names)}");
        }
        else
        {
            throw new InvalidOperationException($"no shape check for {clrType}");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        // With the whole file as the final block, the reader throws on truncated input rather than returning false.
        if (!reader.Read()) throw new JsonException("unexpected end of the file");
        return reader.TokenType;
    }

    private InputException Mismatch(ref Utf8JsonReader reader, string path, JsonTypeInfo type) =>
        Problem(ref reader, path, $"expected {Expected(type)}, got {Found(ref reader)}");

    private InputException Problem(ref Utf8JsonReader reader, string path, string problem) =>
        new(fileName, path, LineAt(reader.TokenStartIndex), problem);

    private int LineAt(long byteIndex) => 1 + utf8.AsSpan(0, (int)byteIndex).Count((byte)'\n');

    private static string Expected(JsonTypeInfo type)
    {
        var clrType = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            _ when clrType == typeof(string) => "a string",
            _ when clrType == typeof(int) => "an integer",
            _ when clrType == typeof(bool) => "true or false",
            _ when clrType.IsEnum => OneOf(Enum.GetNames(clrType)),
            _ => clrType.Name,
        };
    }

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

    private static string OneOf(string[] names) =>
        names.Length == 1 ? names[0] : string.Join(", ", names.Take(names.Length - 1)) + " or " + names[^1];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // System.Text.Json appends " Path: ... | LineNumber: ... | BytePositionInLine: ..."; the path and
    // line are reported separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
