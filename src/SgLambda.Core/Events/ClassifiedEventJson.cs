namespace SgLambda.Core.Events;

/// <summary>Writes a <see cref="ClassifiedEvent"/> as the JSON of <c>sglambda replay --dry-run -o json</c>.</summary>
public static class ClassifiedEventJson
{
    /// <summary>Indented JSON; every affected kind is listed (empty lists included) so scripts need no null checks.</summary>
    public static string Serialize(ClassifiedEvent classified) =>
        System.Text.Json.JsonSerializer.Serialize(ClassifiedEventDocument.From(classified), EventsJsonContext.Default.ClassifiedEventDocument);
}
