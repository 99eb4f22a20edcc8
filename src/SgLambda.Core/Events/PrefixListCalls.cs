using System.Text.Json;

namespace SgLambda.Core.Events;

/// <summary>
/// Managed prefix list calls. CloudTrail records ModifyManagedPrefixList PascalCase and wrapped
/// (<c>{"ModifyManagedPrefixListRequest":{"PrefixListId":"pl-..",...}}</c>); no public record of
/// Create/DeleteManagedPrefixList was found, so the id is looked for under any key named prefixListId
/// (any case, any depth) in the request and the response.
/// </summary>
internal static class PrefixListCalls
{
    private const int MaxDepth = 8;

    public static CallEffect Changed(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        foreach (var id in FindIds(call.Request, 0).Concat(FindIds(call.Response, 0))) affected.PrefixList(id);
        if (affected.PrefixLists.Count == 0) throw JsonField.Malformed($"{call.Request.Path} names no prefix list (expected a PrefixListId)");
        var verb = call.EventName switch
        {
            "CreateManagedPrefixList" => "created",
            "DeleteManagedPrefixList" => "deleted",
            _ => "modified",
        };
        return affected.Effect($"{Ids.Counted("prefix list", affected.PrefixLists)} {verb}");
    }

    private static IEnumerable<string> FindIds(JsonField field, int depth)
    {
        if (depth > MaxDepth) yield break;
        if (field.Value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in field.Items())
                foreach (var id in FindIds(item, depth + 1)) yield return id;
        }
        else if (field.Value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in field.Value.EnumerateObject())
            {
                var child = new JsonField(property.Value, $"{field.Path}.{property.Name}");
                if (string.Equals(property.Name, "prefixListId", StringComparison.OrdinalIgnoreCase))
                {
                    if (child.OptionalId(Ids.PrefixList, Ids.PrefixListKind) is { } id) yield return id;
                }
                else
                {
                    foreach (var id in FindIds(child, depth + 1)) yield return id;
                }
            }
        }
    }
}
