using System.Text.Json;
using System.Text.RegularExpressions;

namespace SgLambda.Core.Events;

/// <summary>
/// Looks through a CloudTrail request or response at any depth: for the values under a key (any case), or
/// for every string that is an AWS id of a kind. Bounded depth, so a hostile event cannot recurse forever.
/// </summary>
internal static partial class JsonSearch
{
    private const int MaxDepth = 12;

    /// <summary>Every value under a key named <paramref name="key"/> (any case, any depth).</summary>
    public static IEnumerable<JsonField> ValuesOf(JsonField field, string key) => ValuesOf(field, key, 0);

    /// <summary>Every string (any depth) that is a security group id.</summary>
    public static IEnumerable<string> SecurityGroupIds(JsonField field) => Strings(field, 0).Where(s => SecurityGroupId().IsMatch(s));

    /// <summary>Every string (any depth) that is a network interface id (not an attachment id).</summary>
    public static IEnumerable<string> NetworkInterfaceIds(JsonField field) => Strings(field, 0).Where(s => NetworkInterfaceId().IsMatch(s));

    private static IEnumerable<JsonField> ValuesOf(JsonField field, string key, int depth)
    {
        if (depth > MaxDepth) yield break;
        foreach (var child in Children(field))
        {
            if (child.Name is { } name && string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) yield return child.Field;
            else foreach (var found in ValuesOf(child.Field, key, depth + 1)) yield return found;
        }
    }

    private static IEnumerable<string> Strings(JsonField field, int depth)
    {
        if (depth > MaxDepth) yield break;
        if (field.Value.ValueKind == JsonValueKind.String)
        {
            yield return field.Value.GetString()!.Trim();
            yield break;
        }
        foreach (var child in Children(field))
            foreach (var text in Strings(child.Field, depth + 1)) yield return text;
    }

    private static List<(string? Name, JsonField Field)> Children(JsonField field) => field.Value.ValueKind switch
    {
        JsonValueKind.Object => field.Value.EnumerateObject().Select(p => ((string?)p.Name, new JsonField(p.Value, $"{field.Path}.{p.Name}"))).ToList(),
        JsonValueKind.Array => field.Value.EnumerateArray().Select((e, i) => ((string?)null, new JsonField(e, $"{field.Path}[{i}]"))).ToList(),
        _ => [],
    };

    // EC2 ids: the prefix and 8 or 17 hexadecimal digits.
    [GeneratedRegex("^sg-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityGroupId();

    [GeneratedRegex("^eni-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex NetworkInterfaceId();
}
