using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// One validation error, printed the way the Kubernetes API server prints it:
/// <c>spec.ingress[0].action: Unsupported value: "Foo": supported values: "Allow", "Deny", "Log", "Pass"</c>.
/// </summary>
/// <param name="Field">The field path (<c>spec.ingress[0].destination.ports[0]</c>); empty for the object itself.</param>
/// <param name="Type">What kind of error.</param>
/// <param name="Value">The offending value as Kubernetes prints it (Go <c>%q</c> for strings), or null when not printed.</param>
/// <param name="Detail">What is wrong; may be empty.</param>
public sealed record FieldError(string Field, FieldErrorType Type, string? Value, string Detail)
{
    public static FieldError Required(string field, string detail = "") => new(field, FieldErrorType.Required, null, detail);

    public static FieldError Forbidden(string field, string detail) => new(field, FieldErrorType.Forbidden, null, detail);

    public static FieldError Invalid(string field, JsonNode? value, string detail) =>
        new(field, FieldErrorType.Invalid, Render(value), detail);

    public static FieldError Invalid(string field, string value, string detail) =>
        new(field, FieldErrorType.Invalid, GoQuote(value), detail);

    public static FieldError TypeInvalid(string field, string actualType, string detail) =>
        new(field, FieldErrorType.TypeInvalid, GoQuote(actualType), detail);

    public static FieldError NotSupported(string field, JsonNode? value, IEnumerable<string> supported) =>
        new(field, FieldErrorType.NotSupported, Render(value),
            "supported values: " + string.Join(", ", supported.Select(GoQuote)));

    public static FieldError TooLong(string field, long maxLength) =>
        new(field, FieldErrorType.TooLong, null,
            string.Create(CultureInfo.InvariantCulture, $"may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}"));

    public static FieldError TooMany(string field, long actual, long maxItems) =>
        new(field, FieldErrorType.TooMany, actual.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"must have at most {maxItems} items"));

    public static FieldError Duplicate(string field, JsonNode? value) => new(field, FieldErrorType.Duplicate, Render(value), "");

    public static FieldError NotDeclared(string field) => new(field, FieldErrorType.FieldNotDeclared, null, "");

    /// <summary>Kubernetes' wording of each error type.</summary>
    public static string Describe(FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid or FieldErrorType.TypeInvalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        FieldErrorType.FieldNotDeclared => "field not declared in schema",
        _ => type.ToString(),
    };

    /// <summary>As <c>field.Error.Error()</c> prints it; a nil path prints as <c>&lt;nil&gt;</c>, as in Go.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Field.Length == 0 ? "<nil>" : Field).Append(": ").Append(Describe(Type));
        if (Value is not null) text.Append(": ").Append(Value);
        if (Detail.Length != 0) text.Append(": ").Append(Detail);
        return text.ToString();
    }

    /// <summary>A JSON value as Go prints it in a field error: strings quoted, numbers and booleans bare.</summary>
    public static string Render(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => GoQuote(scalar.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    /// <summary>Go's <c>%q</c> for the printable ASCII and common escapes SgLambda's values use.</summary>
    public static string GoQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(character)) quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)character:x2}");
                    else quoted.Append(character);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
