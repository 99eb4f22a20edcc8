using System.Text.Encodings.Web;
using System.Text.Json;

namespace SgLambda.Functions.Observability;

/// <summary>
/// One JSON object per line (CloudWatch Logs Insights reads the fields): time, level, message, the
/// function and request, and whatever the caller adds (event id, event name, affected ids, counts).
/// </summary>
public sealed class StructuredLogger(TextWriter output, LogLevel minimum, TimeProvider time)
{
    private readonly Lock _gate = new();

    public void Log(LogLevel level, string message, IReadOnlyDictionary<string, object?>? fields = null)
    {
        if (level < minimum) return;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", time.GetUtcNow());
            json.WriteString("level", level.ToString());
            json.WriteString("message", message);
            foreach (var (key, value) in fields ?? new Dictionary<string, object?>())
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }
            json.WriteEndObject();
        }
        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate) output.WriteLine(line);
    }

    /// <summary>A line written as it is (an embedded-metric-format document).</summary>
    public void Raw(string line)
    {
        lock (_gate) output.WriteLine(line);
    }

    public void Information(string message, IReadOnlyDictionary<string, object?>? fields = null) => Log(LogLevel.Information, message, fields);

    public void Warning(string message, IReadOnlyDictionary<string, object?>? fields = null) => Log(LogLevel.Warning, message, fields);

    public void Error(string message, IReadOnlyDictionary<string, object?>? fields = null) => Log(LogLevel.Error, message, fields);

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(number); break;
            case IEnumerable<string> list:
                json.WriteStartArray();
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object?> map:
                json.WriteStartObject();
                foreach (var (key, item) in map) { json.WritePropertyName(key); WriteValue(json, item); }
                json.WriteEndObject();
                break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
