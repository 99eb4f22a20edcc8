using System.Text.Json;

namespace SgLambda.Functions.Observability;

/// <summary>
/// CloudWatch embedded metric format: one JSON log line that CloudWatch turns into metrics, so the
/// functions publish metrics without an API call.
/// </summary>
public static class EmbeddedMetrics
{
    /// <param name="functionName">The Function dimension.</param>
    /// <param name="values">Metric name to value; <see cref="MetricNames.Duration"/> is in milliseconds, the rest are counts.</param>
    /// <param name="timestamp">When the values were measured.</param>
    public static string Format(string functionName, IReadOnlyDictionary<string, double> values, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", MetricNames.Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("Function");
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var name in values.Keys)
            {
                json.WriteStartObject();
                json.WriteString("Name", name);
                json.WriteString("Unit", name == MetricNames.Duration ? "Milliseconds" : "Count");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("Function", functionName);
            foreach (var (name, value) in values) json.WriteNumber(name, value);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
