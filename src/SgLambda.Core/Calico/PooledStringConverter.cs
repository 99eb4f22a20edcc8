using System.Text.Json;
using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>Reads strings (values and dictionary keys) through a pool, so equal strings read are one instance.</summary>
internal sealed class PooledStringConverter : JsonConverter<string>
{
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Pooled(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Pooled(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private string Pooled(string value)
    {
        if (_pool.TryGetValue(value, out var pooled)) return pooled;
        _pool.Add(value, value);
        return value;
    }
}
