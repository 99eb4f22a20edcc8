using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Turns JsonSchema.Net's evaluation output into the field errors the API server reports for the same
/// violations (apiextensions-apiserver <c>ValidateCustomResource</c> over kube-openapi's validator):
/// Required value, Unsupported value, Too long, Too many, field not declared in schema, and
/// "Invalid value: ...: &lt;path&gt; in body should ..." for the rest.
/// </summary>
public static class SchemaErrorTranslator
{
    private static readonly HashSet<string> ValueOnlyCombinators = new(StringComparer.Ordinal) { "anyOf", "oneOf", "not" };

    public static IReadOnlyList<FieldError> Translate(EvaluationResults results, JsonObject schema, JsonNode? instance)
    {
        ArgumentNullException.ThrowIfNull(results);
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(FieldError error)
        {
            if (seen.Add(error.ToString())) errors.Add(error);
        }

        var details = Flatten(results).ToList();
        var validity = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var detail in details) validity.TryAdd(detail.EvaluationPath.ToString(), detail.IsValid);

        foreach (var detail in details)
        {
            if (detail.IsValid) continue;
            var evaluationPath = Segments(detail.EvaluationPath.ToString());
            var instancePath = Segments(detail.InstanceLocation.ToString());

            // Branches of anyOf/oneOf/not only decide whether the combinator holds; its own error says so.
            var combinator = evaluationPath.FindIndex(segment => ValueOnlyCombinators.Contains(segment));
            while (combinator > 0 && evaluationPath[combinator - 1] == "properties")
                combinator = evaluationPath.FindIndex(combinator + 1, segment => ValueOnlyCombinators.Contains(segment));
            if (combinator >= 0)
            {
                if (detail.Errors is { Count: > 0 }) Add(Combinator(evaluationPath[combinator], instancePath, instance));
                continue;
            }

            var schemaNode = SchemaAt(schema, instance, instancePath, evaluationPath) as JsonObject;
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                foreach (var error in Translate(keyword, message, schemaNode, evaluationPath, instancePath, instance)) Add(error);
            }

            // JsonSchema.Net marks a node that fails oneOf or not invalid without an error message of its own.
            var path = detail.EvaluationPath.ToString();
            if (schemaNode?["oneOf"] is JsonArray oneOf
                && Enumerable.Range(0, oneOf.Count).Count(index => validity.GetValueOrDefault($"{path}/oneOf/{index}")) != 1)
                Add(Combinator("oneOf", instancePath, instance));
            if (schemaNode?["anyOf"] is JsonArray anyOf
                && !Enumerable.Range(0, anyOf.Count).Any(index => validity.GetValueOrDefault($"{path}/anyOf/{index}")))
                Add(Combinator("anyOf", instancePath, instance));
            if (schemaNode?["not"] is JsonObject && validity.GetValueOrDefault($"{path}/not"))
                Add(Combinator("not", instancePath, instance));
        }

        // Never let an invalid object through because an error could not be explained.
        if (!results.IsValid && errors.Count == 0)
            Add(FieldError.Invalid("", "", "the object does not match the CRD schema"));
        return errors;
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        yield return results;
        foreach (var detail in results.Details ?? [])
        {
            foreach (var nested in Flatten(detail)) yield return nested;
        }
    }

    private static IEnumerable<FieldError> Translate(
        string keyword, string message, JsonObject? schemaNode, List<string> evaluationPath, List<string> instancePath, JsonNode? instance)
    {
        var (field, value) = Locate(instance, instancePath);
        var name = field.Length == 0 ? "" : field + " ";
        switch (keyword)
        {
            case "" when evaluationPath is [.., "additionalProperties"] && evaluationPath is not [.., "properties", "additionalProperties"]:
                yield return FieldError.NotDeclared(field);
                break;
            case "type":
                var expected = schemaNode?["type"] switch
                {
                    JsonArray types => string.Join(",", types.Select(type => type?.ToString()).Where(type => type != "null")),
                    var single => single?.ToString() ?? "",
                };
                var actual = JsonTypes.Name(value);
                yield return FieldError.TypeInvalid(field, actual, $"{name}in body must be of type {expected}: {FieldError.GoQuote(actual)}");
                break;
            case "enum":
                var supported = (schemaNode?["enum"] as JsonArray ?? [])
                    .Where(option => option is not null)
                    .Select(option => option!.GetValueKind() == JsonValueKind.String ? option.GetValue<string>() : option.ToJsonString());
                yield return FieldError.NotSupported(field, value, supported);
                break;
            case "required":
                var present = value as JsonObject;
                foreach (var property in schemaNode?["required"] as JsonArray ?? [])
                {
                    var propertyName = property!.ToString();
                    if (present is null || !present.ContainsKey(propertyName)) yield return FieldError.Required(FieldPath.Child(field, propertyName));
                }
                break;
            case "maxLength":
                yield return FieldError.TooLong(field, Bound(schemaNode, keyword));
                break;
            case "maxItems":
                yield return FieldError.TooMany(field, (value as JsonArray)?.Count ?? -1, Bound(schemaNode, keyword));
                break;
            case "maxProperties":
                yield return FieldError.TooMany(field, (value as JsonObject)?.Count ?? -1, Bound(schemaNode, keyword));
                break;
            case "minItems":
                yield return FieldError.Invalid(field, (JsonNode?)((value as JsonArray)?.Count ?? 0),
                    $"{name}in body should have at least {Text(schemaNode, keyword)} items");
                break;
            case "minProperties":
                yield return FieldError.Invalid(field, (JsonNode?)((value as JsonObject)?.Count ?? 0),
                    $"{name}in body should have at least {Text(schemaNode, keyword)} properties");
                break;
            case "minLength":
                yield return FieldError.Invalid(field, value, $"{name}in body should be at least {Text(schemaNode, keyword)} chars long");
                break;
            case "minimum":
                yield return FieldError.Invalid(field, value, $"{name}in body should be greater than or equal to {Text(schemaNode, keyword)}");
                break;
            case "exclusiveMinimum":
                yield return FieldError.Invalid(field, value, $"{name}in body should be greater than {Text(schemaNode, keyword)}");
                break;
            case "maximum":
                yield return FieldError.Invalid(field, value, $"{name}in body should be less than or equal to {Text(schemaNode, keyword)}");
                break;
            case "exclusiveMaximum":
                yield return FieldError.Invalid(field, value, $"{name}in body should be less than {Text(schemaNode, keyword)}");
                break;
            case "multipleOf":
                yield return FieldError.Invalid(field, value, $"{name}in body should be a multiple of {Text(schemaNode, keyword)}");
                break;
            case "pattern":
                yield return FieldError.Invalid(field, value, $"{name}in body should match '{Text(schemaNode, keyword)}'");
                break;
            case "uniqueItems":
                yield return FieldError.Invalid(field, value, $"{name}in body shouldn't contain duplicates");
                break;
            case "anyOf" or "oneOf" or "not":
                yield return Combinator(keyword, instancePath, instance);
                break;
            case "format":
                var format = Text(schemaNode, keyword);
                yield return FieldError.TypeInvalid(field, value?.ToString() ?? "", $"{name}in body must be of type {format}: {FieldError.Render(value)}");
                break;
            default:
                yield return FieldError.Invalid(field, value, $"{name}in body {message}");
                break;
        }
    }

    private static FieldError Combinator(string combinator, List<string> instancePath, JsonNode? instance)
    {
        var (field, _) = Locate(instance, instancePath);
        var name = field.Length == 0 ? "" : field + " ";
        var detail = combinator switch
        {
            "anyOf" => "must validate at least one schema (anyOf)",
            "oneOf" => "must validate one and only one schema (oneOf)",
            _ => "must not validate the schema (not)",
        };
        return FieldError.Invalid(field, "", name + "in body " + detail);
    }

    /// <summary>The Kubernetes field path of a JSON pointer into <paramref name="instance"/>, and the value there.</summary>
    public static (string Field, JsonNode? Value) Locate(JsonNode? instance, IReadOnlyList<string> pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var field = "";
        var current = instance;
        foreach (var segment in pointer)
        {
            if (current is JsonArray list && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                field = FieldPath.Index(field, index);
                current = index < list.Count ? list[index] : null;
            }
            else
            {
                field = FieldPath.Child(field, segment);
                current = current is JsonObject map ? map[segment] : null;
            }
        }
        return (field, current);
    }

    /// <summary>The unescaped segments of a JSON pointer (<c>/a/b~1c</c> is <c>a</c>, <c>b/c</c>).</summary>
    public static List<string> Segments(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.StartsWith('#')) pointer = pointer[1..];
        if (pointer.Length == 0) return [];
        return pointer[1..].Split('/').Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// The converted schema that applies at an instance location: followed through properties,
    /// additionalProperties and items by the instance path (JsonSchema.Net's evaluation paths repeat
    /// <c>items</c>), then into the <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> branch the evaluation path ends in.
    /// </summary>
    private static JsonNode? SchemaAt(JsonObject schema, JsonNode? instance, List<string> instancePath, List<string> evaluationPath)
    {
        JsonNode? node = schema;
        var current = instance;
        foreach (var segment in instancePath)
        {
            if (current is JsonArray list)
            {
                node = (node as JsonObject)?["items"];
                current = int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < list.Count ? list[index] : null;
            }
            else
            {
                var map = node as JsonObject;
                node = (map?["properties"] as JsonObject)?[segment] ?? map?["additionalProperties"];
                current = current?[segment];
            }
        }

        var branchStart = evaluationPath.Count;
        while (true)
        {
            if (branchStart >= 2 && evaluationPath[branchStart - 2] is "allOf" or "anyOf" or "oneOf" && IsIndex(evaluationPath[branchStart - 1])) branchStart -= 2;
            else if (branchStart >= 1 && evaluationPath[branchStart - 1] == "not" && (branchStart < 2 || evaluationPath[branchStart - 2] != "properties")) branchStart -= 1;
            else break;
        }
        for (var step = branchStart; step < evaluationPath.Count; step++)
        {
            node = node switch
            {
                JsonObject map => map[evaluationPath[step]],
                JsonArray branches when int.TryParse(evaluationPath[step], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < branches.Count => branches[index],
                _ => null,
            };
        }
        return node;
    }

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);

    private static long Bound(JsonObject? schemaNode, string keyword) =>
        JsonNumbers.TryGetInt64(schemaNode?[keyword], out var number) ? number : -1;

    private static string Text(JsonObject? schemaNode, string keyword) => schemaNode?[keyword] switch
    {
        null => "",
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        var other => other.ToJsonString(),
    };
}
