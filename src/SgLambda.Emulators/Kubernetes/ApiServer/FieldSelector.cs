using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A Kubernetes field selector (k8s.io/apimachinery/pkg/fields.ParseSelector): comma-separated
/// <c>field=value</c>, <c>field==value</c> and <c>field!=value</c> terms, with <c>\,</c>, <c>\=</c> and <c>\\</c>
/// escapes. Which fields a resource supports is the resource's business (<see cref="ApiResource.SelectableFields"/>).
/// </summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldSelectorRequirement> requirements) => Requirements = requirements;

    public IReadOnlyList<FieldSelectorRequirement> Requirements { get; }

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; throws <see cref="FormatException"/> with the API server's wording when it is invalid.</summary>
    public static FieldSelector Parse(string? selector)
    {
        if (string.IsNullOrEmpty(selector)) return Everything;
        var requirements = new List<FieldSelectorRequirement>();
        foreach (var term in SplitTerms(selector))
        {
            if (term.Length == 0) continue;
            var (field, negated, value) = SplitTerm(term)
                ?? throw new FormatException($"invalid selector: '{selector}'; can't understand '{term}'");
            requirements.Add(new FieldSelectorRequirement(field, negated, Unescape(value, selector)));
        }
        return new FieldSelector(requirements);
    }

    /// <summary>
    /// Throws <see cref="FormatException"/> (<c>field label not supported: x</c>) for a field the resource does
    /// not index: <c>metadata.name</c>, <c>metadata.namespace</c> and its selectable fields are supported.
    /// </summary>
    public void RequireSupported(ApiResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var requirement in Requirements)
        {
            if (requirement.Field is "metadata.name" or "metadata.namespace") continue;
            if (resource.SelectableFields.Contains(requirement.Field, StringComparer.Ordinal)) continue;
            throw new FormatException($"field label not supported: {requirement.Field}");
        }
    }

    public bool Matches(JsonObject item) => Requirements.All(requirement =>
    {
        var actual = FieldValue(item, requirement.Field);
        return string.Equals(actual, requirement.Value, StringComparison.Ordinal) != requirement.Negated;
    });

    /// <summary>The field as the API server's field set renders it: strings as-is, booleans and numbers as text, absent as "".</summary>
    private static string FieldValue(JsonObject item, string field)
    {
        JsonNode? node = item;
        foreach (var segment in field.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }
        return node switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "true" : "false",
            _ => node.ToJsonString(),
        };
    }

    private static List<string> SplitTerms(string selector)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        for (var index = 0; index < selector.Length; index++)
        {
            var character = selector[index];
            if (character == '\\' && index + 1 < selector.Length)
            {
                current.Append(character).Append(selector[++index]);
                continue;
            }
            if (character == ',')
            {
                terms.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(character);
        }
        terms.Add(current.ToString());
        return terms;
    }

    // Operators are tried in the API server's order: "!=", then "==", then "=".
    private static (string Field, bool Negated, string Value)? SplitTerm(string term)
    {
        foreach (var (op, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = IndexOfUnescaped(term, op);
            if (at > 0) return (term[..at], negated, term[(at + op.Length)..]);
        }
        return null;
    }

    private static int IndexOfUnescaped(string term, string op)
    {
        for (var index = 0; index < term.Length; index++)
        {
            if (term[index] == '\\')
            {
                index++;
                continue;
            }
            if (string.CompareOrdinal(term, index, op, 0, op.Length) == 0) return index;
        }
        return -1;
    }

    private static string Unescape(string value, string selector)
    {
        var result = new StringBuilder(value.Length);
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character == '\\')
            {
                if (index + 1 >= value.Length || value[index + 1] is not ('\\' or ',' or '='))
                    throw new FormatException($"invalid field selector: '{selector}': invalid escape sequence");
                result.Append(value[++index]);
                continue;
            }
            if (character is ',' or '=')
                throw new FormatException($"invalid field selector: '{selector}': unescaped '{character}'");
            result.Append(character);
        }
        return result.ToString();
    }
}
