using System.Globalization;
using System.Text.Json;

namespace SgLambda.Core.Events;

/// <summary>
/// A value inside a CloudTrail record and the path that leads to it, read leniently: property names match
/// exactly or else ignoring case (CloudTrail mixes <c>groupId</c> and <c>GroupId</c>), lists may be arrays,
/// <c>{"items":[...]}</c>, <c>{"item":[...]}</c>, <c>{}</c> or a single object, and ids are trimmed. What
/// cannot be read throws <see cref="MalformedEventException"/> naming the path.
/// </summary>
internal readonly record struct JsonField(JsonElement Value, string Path)
{
    private const int MaxQuotedLength = 80;

    /// <summary>True unless the value is absent or JSON null.</summary>
    public bool Exists => Value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    public JsonField this[string name] => Get(name);

    public JsonField Get(string name)
    {
        var path = Path.Length == 0 ? name : $"{Path}.{name}";
        if (!Exists) return new JsonField(default, path);
        if (Value.ValueKind != JsonValueKind.Object) throw Malformed($"{Path} is {Describe(Value)}, expected an object");
        JsonElement? ignoringCase = null;
        foreach (var property in Value.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal)) return new JsonField(property.Value, path);
            if (ignoringCase is null && string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) ignoringCase = property.Value;
        }
        return new JsonField(ignoringCase ?? default, path);
    }

    /// <summary>The elements of a list in any of the shapes CloudTrail writes lists in; nothing when absent.</summary>
    public IEnumerable<JsonField> Items()
    {
        switch (Value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return [];
            case JsonValueKind.Array:
                var path = Path;
                return Value.EnumerateArray().Select((element, i) => new JsonField(element, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"))).ToList();
            case JsonValueKind.Object:
                foreach (var wrapper in (ReadOnlySpan<string>)["items", "item"])
                {
                    var inner = Get(wrapper);
                    if (inner.Value.ValueKind != JsonValueKind.Undefined) return inner.Items();
                }
                // {} is CloudTrail's empty list; any other object is a list of one.
                return Value.EnumerateObject().Any() ? [this] : [];
            default:
                throw Malformed($"{Path} is {Describe(Value)}, expected a list");
        }
    }

    /// <summary>The trimmed string, or null when absent, null or blank.</summary>
    public string? OptionalString()
    {
        switch (Value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = Value.GetString()!.Trim();
                return text.Length == 0 ? null : text;
            default:
                throw Malformed($"{Path} is {Describe(Value)}, expected a string");
        }
    }

    /// <summary>An AWS id with the given prefix (<c>sg-</c>, <c>eni-</c>, ...), trimmed; null when absent.</summary>
    public string? OptionalId(string prefix, string kind) => CheckId(OptionalString(), Path, prefix, kind);

    /// <summary>Checks that a trimmed, non-blank <paramref name="id"/> has the prefix of its kind; null stays null.</summary>
    public static string? CheckId(string? id, string path, string prefix, string kind)
    {
        id = id?.Trim();
        if (string.IsNullOrEmpty(id)) return null;
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length == prefix.Length || id.Any(char.IsWhiteSpace))
            throw Malformed($"{path} is not {kind} id: {Quote(id)}");
        return id;
    }

    public string RequiredId(string prefix, string kind) =>
        OptionalId(prefix, kind) ?? throw Malformed($"{Path} is missing (expected {kind} id)");

    public static MalformedEventException Malformed(string problem) => new(problem);

    public static string Quote(string text) => $"'{Printable(text)}'";

    /// <summary>Event-supplied text fit for a log line: control characters as '?', long text cut short.</summary>
    public static string Printable(string text)
    {
        var shown = text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "...";
        return string.Create(shown.Length, shown, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) || char.IsSurrogate(source[i]) ? '?' : source[i];
        });
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
