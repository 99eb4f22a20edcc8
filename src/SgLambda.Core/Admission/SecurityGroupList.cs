using System.Globalization;
using System.Text.Json;

namespace SgLambda.Core.Admission;

/// <summary>
/// Parses an annotation that holds a JSON list of SG ids. Every error says what is wrong and shows the
/// right form, built from what the user wrote where that is possible.
/// </summary>
public static class SecurityGroupList
{
    private const int ShownLength = 120;
    private static readonly char[] Separators = [',', ' ', '\t', '\n', '\r', ';'];

    public static SecurityGroupListResult Parse(string text, string annotationKey)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return SecurityGroupListResult.Invalid(
                $"annotation {annotationKey} is not JSON: got '{Shown(text)}'. "
                + $"Write a JSON list of SG ids, e.g. {Suggestion(text)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                var hint = root.ValueKind == JsonValueKind.String ? Suggestion(root.GetString()!) : Example();
                return SecurityGroupListResult.Invalid(
                    $"annotation {annotationKey} must be a JSON list of SG ids, but it is {Describe(root)}. "
                    + $"Write e.g. {hint}");
            }
            var ids = new List<string>();
            var position = 0;
            foreach (var element in root.EnumerateArray())
            {
                position++;
                var error = ElementError(element, position, annotationKey);
                if (error is not null) return SecurityGroupListResult.Invalid(error);
                ids.Add(element.GetString()!);
            }
            return SecurityGroupListResult.Valid(ids);
        }
    }

    private static string? ElementError(JsonElement element, int position, string annotationKey)
    {
        var where = $"element {position.ToString(CultureInfo.InvariantCulture)} of annotation {annotationKey}";
        if (element.ValueKind != JsonValueKind.String)
        {
            return $"{where} is {Describe(element)}, not a string. "
                + $"Write each SG id as a JSON string, e.g. {Example()}";
        }
        var value = element.GetString()!;
        if (SecurityGroupId.IsValid(value)) return null;
        var pieces = Pieces(value);
        if (pieces.Count > 1)
        {
            // The documentation's trap: ["sg-a, sg-b"] is one string, not two ids.
            return $"{where} (\"{Shown(value)}\") holds several ids in one string; "
                + $"put each id in its own string: {List(pieces)}";
        }
        var candidate = value.Trim().ToLowerInvariant();
        var fix = SecurityGroupId.IsValid(candidate) ? $"[\"{candidate}\"]" : Example();
        return $"{where} (\"{Shown(value)}\") is not a security group id: an id is \"sg-\" followed by "
            + $"8 to 17 lowercase hex digits. Write e.g. {fix}";
    }

    /// <summary>The right form for text that looks like bare ids (<c>sg-a,sg-b</c>), else a generic example.</summary>
    private static string Suggestion(string text)
    {
        var pieces = Pieces(text.Trim().Trim('[', ']'));
        var ids = pieces.Select(p => p.Trim('"', '\'')).ToList();
        return ids.Count > 0 && ids.All(SecurityGroupId.IsValid) ? List(ids) : Example();
    }

    private static List<string> Pieces(string text) =>
        [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string List(IEnumerable<string> ids) => "[" + string.Join(", ", ids.Select(id => $"\"{id}\"")) + "]";

    private static string Example() => $"[\"{AdmissionKeys.ExampleSecurityGroupId}\"]";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{Shown(element.GetString()!)}\")",
        JsonValueKind.Number => $"a number ({Shown(element.GetRawText())})",
        JsonValueKind.True or JsonValueKind.False => $"a boolean ({element.GetRawText()})",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => $"an object ({Shown(element.GetRawText())})",
        JsonValueKind.Array => $"a list ({Shown(element.GetRawText())})",
        _ => element.ValueKind.ToString(),
    };

    /// <summary>Long values are cut so a message stays readable in <c>kubectl</c> output.</summary>
    private static string Shown(string text) => text.Length <= ShownLength ? text : text[..ShownLength] + "...";
}
