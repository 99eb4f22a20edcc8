using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>Kubernetes' int-or-string, for protocols (<c>TCP</c> or <c>50</c>) and ports (<c>80</c> or <c>"1:1023"</c>).</summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? text)
    {
        Number = number;
        Text = text;
    }

    public int? Number { get; }
    public string? Text { get; }

    public static IntOrString Of(int number) => new(number, null);
    public static IntOrString Of(string text) => new(null, text);

    public static implicit operator IntOrString(int number) => Of(number);
    public static implicit operator IntOrString(string text) => Of(text);

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}

/// <summary>Writes an <see cref="IntOrString"/> as a JSON number or string, and reads either.</summary>
public sealed class IntOrStringJsonConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => IntOrString.Of(reader.GetInt32()),
            JsonTokenType.String => IntOrString.Of(reader.GetString()!),
            _ => throw new JsonException("expected a number or a string"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Number is { } number) writer.WriteNumberValue(number);
        else writer.WriteStringValue(value.Text);
    }
}
