using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.Cel;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Evaluates the <c>x-kubernetes-validations</c> rules of a structural schema against an object, at every node
/// where they are declared (each rule of <c>spec.ingress.items</c> once per rule item), reporting failures as
/// the API server does: the rule's message with the error type its <c>reason</c> names.
/// </summary>
public static class CelRuleValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<FieldError>();
        Walk(value, schema, "", errors);
        return errors;
    }

    private static void Walk(JsonNode? value, StructuralSchema schema, string path, List<FieldError> errors)
    {
        if (value is null) return;
        foreach (var rule in schema.Rules) Check(rule, value, schema, path, errors);
        switch (value)
        {
            case JsonObject map:
                foreach (var (name, entry) in map)
                {
                    var child = schema.Properties.GetValueOrDefault(name) ?? schema.AdditionalProperties;
                    if (child is not null) Walk(entry, child, FieldPath.Child(path, name), errors);
                }
                break;
            case JsonArray list when schema.Items is { } items:
                for (var index = 0; index < list.Count; index++) Walk(list[index], items, FieldPath.Index(path, index), errors);
                break;
        }
    }

    private static void Check(CelRule rule, JsonNode value, StructuralSchema schema, string path, List<FieldError> errors)
    {
        var type = schema.Type ?? "object";
        object result;
        try
        {
            result = CelEvaluator.Evaluate(rule.Expression, value);
        }
        catch (CelEvaluationException error)
        {
            var detail = error.Message.StartsWith("no such overload", StringComparison.Ordinal)
                ? $"'{error.Message}': call arguments did not match a supported operator, function or macro signature for rule: {rule.ErrorText}"
                : $"{error.Message} evaluating rule: {rule.ErrorText}";
            errors.Add(FieldError.Invalid(path, type, detail));
            return;
        }

        if (result is true) return;
        var field = rule.FieldPath is { Length: > 0 } relative ? path + (relative.StartsWith('.') ? relative : "." + relative) : path;
        if (path.Length == 0 && field.StartsWith('.')) field = field[1..];
        errors.Add(rule.Reason switch
        {
            "FieldValueForbidden" => FieldError.Forbidden(field, rule.ErrorText),
            "FieldValueRequired" => FieldError.Required(field, rule.ErrorText),
            "FieldValueDuplicate" => new FieldError(field, FieldErrorType.Duplicate, FieldError.GoQuote(type), ""),
            _ => FieldError.Invalid(field, type, rule.ErrorText),
        });
    }
}
