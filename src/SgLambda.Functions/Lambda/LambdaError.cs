using System.Text.Json;

namespace SgLambda.Functions.Lambda;

/// <summary>
/// Lambda's standard error document, <c>{"errorMessage", "errorType", "stackTrace": [...]}</c>, posted for
/// init and invocation errors; the type also goes into the <c>Lambda-Runtime-Function-Error-Type</c> header.
/// </summary>
public sealed record LambdaError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>The exception's type name (as Amazon.Lambda.RuntimeSupport reports it), message and stack frames.</summary>
    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new LambdaError(exception.GetType().Name, exception.Message, frames);
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", ErrorMessage);
            json.WriteString("errorType", ErrorType);
            json.WriteStartArray("stackTrace");
            foreach (var frame in StackTrace) json.WriteStringValue(frame);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
