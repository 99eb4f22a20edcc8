using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Tests;

/// <summary>Reads the JSON fixtures beside the tests and edits them by JSON pointer.</summary>
public static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Kubernetes", "Fixtures");

    public static IEnumerable<string> ValidObjectNames =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "valid"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!;

    /// <summary>A valid object of the fixture set, with its apiVersion set to <paramref name="apiVersion"/>.</summary>
    public static JsonObject Valid(string name, string apiVersion)
    {
        var resource = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "valid", name + ".json")))!.AsObject();
        resource["apiVersion"] = apiVersion;
        return resource;
    }

    /// <summary>Sets the value at <paramref name="pointer"/> to the JSON <paramref name="json"/>, or removes it when null.</summary>
    public static JsonObject Edit(this JsonObject resource, string pointer, string? json)
    {
        var segments = pointer.TrimStart('/').Split('/')
            .Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToArray();
        JsonNode parent = resource;
        foreach (var segment in segments[..^1])
        {
            parent = parent is JsonArray list ? list[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment] ??= new JsonObject();
        }
        var last = segments[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (parent is JsonArray array)
        {
            var index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
            if (json is null) array.RemoveAt(index);
            else array[index] = value;
        }
        else if (json is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
        return resource;
    }
}
