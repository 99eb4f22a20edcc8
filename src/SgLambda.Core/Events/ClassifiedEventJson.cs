using System.Text.Encodings.Web;
using System.Text.Json;

namespace SgLambda.Core.Events;

/// <summary>Writes a <see cref="ClassifiedEvent"/> as the JSON of <c>sglambda replay --dry-run -o json</c>.</summary>
public static class ClassifiedEventJson
{
    // Read by people and scripts, not embedded in HTML: keep '+' in times and quotes in reasons as they are.
    private static readonly EventsJsonContext Output = new(new JsonSerializerOptions(EventsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Indented JSON; every affected kind is listed (empty lists included) so scripts need no null checks.</summary>
    public static string Serialize(ClassifiedEvent classified) =>
        JsonSerializer.Serialize(ClassifiedEventDocument.From(classified), Output.ClassifiedEventDocument);
}
