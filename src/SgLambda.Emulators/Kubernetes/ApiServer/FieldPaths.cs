using System.Globalization;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>Field paths as validation errors print them (<c>spec.ingress[0].foo</c>, <c>metadata.labels[app]</c>), applied to objects.</summary>
public static class FieldPaths
{
    /// <summary>Removes the field at <paramref name="path"/>, if present: how the API server prunes fields a CRD does not declare.</summary>
    public static void Remove(JsonObject value, string path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(path);
        var steps = Steps(path);
        if (steps.Count == 0) return;
        JsonNode? parent = value;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            parent = step switch
            {
                int index when parent is JsonArray list && index < list.Count => list[index],
                string name when parent is JsonObject map => map[name],
                _ => null,
            };
            if (parent is null) return;
        }
        switch (steps[^1])
        {
            case string name when parent is JsonObject map:
                map.Remove(name);
                break;
            case int index when parent is JsonArray list && index < list.Count:
                list.RemoveAt(index);
                break;
        }
    }

    // "a.b[0][key].c" -> "a", "b", 0, "key", "c": numbers in brackets index lists, anything else in brackets is a map key.
    private static List<object> Steps(string path)
    {
        var steps = new List<object>();
        var index = 0;
        while (index < path.Length)
        {
            if (path[index] == '.')
            {
                index++;
                continue;
            }
            if (path[index] == '[')
            {
                var end = path.IndexOf(']', index);
                if (end < 0) break;
                var inside = path[(index + 1)..end];
                steps.Add(int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : inside);
                index = end + 1;
                continue;
            }
            var next = path.IndexOfAny(['.', '['], index);
            if (next < 0) next = path.Length;
            steps.Add(path[index..next]);
            index = next;
        }
        return steps;
    }
}
