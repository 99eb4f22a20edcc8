using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>Reads the CustomResourceDefinitions of the <c>*.yaml</c>/<c>*.yml</c> files in one directory.</summary>
public static class CustomResourceDefinitionLoader
{
    public static IReadOnlyList<CustomResourceDefinition> LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"CRD directory \"{directory}\" does not exist.");
        var files = Directory.EnumerateFiles(directory, "*.yaml")
            .Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var definitions = files.SelectMany(file => Parse(File.ReadAllText(file), file)).ToList();
        if (definitions.Count == 0)
            throw new InvalidDataException($"CRD directory \"{directory}\" holds no CustomResourceDefinition.");
        return definitions;
    }

    public static IEnumerable<CustomResourceDefinition> Parse(string yaml, string sourceFile)
    {
        foreach (var document in YamlToJson.ReadDocuments(yaml))
        {
            if (document is not JsonObject crd || crd["kind"]?.ToString() != "CustomResourceDefinition") continue;
            var spec = crd["spec"] as JsonObject ?? throw Invalid(sourceFile, "spec");
            var versions = (spec["versions"] as JsonArray ?? throw Invalid(sourceFile, "spec.versions"))
                .Select(version => version as JsonObject ?? throw Invalid(sourceFile, "spec.versions[]"))
                .Select(version => new CustomResourceDefinitionVersion(
                    version["name"]?.ToString() ?? throw Invalid(sourceFile, "spec.versions[].name"),
                    version["served"]?.GetValue<bool>() ?? false,
                    version["storage"]?.GetValue<bool>() ?? false,
                    version["schema"]?["openAPIV3Schema"] as JsonObject ?? throw Invalid(sourceFile, "spec.versions[].schema.openAPIV3Schema")))
                .ToList();
            yield return new CustomResourceDefinition(
                crd["metadata"]?["name"]?.ToString() ?? throw Invalid(sourceFile, "metadata.name"),
                spec["group"]?.ToString() ?? throw Invalid(sourceFile, "spec.group"),
                spec["names"]?["kind"]?.ToString() ?? throw Invalid(sourceFile, "spec.names.kind"),
                string.Equals(spec["scope"]?.ToString(), "Namespaced", StringComparison.Ordinal),
                versions,
                sourceFile);
        }
    }

    private static InvalidDataException Invalid(string sourceFile, string field) =>
        new($"{sourceFile}: CustomResourceDefinition has no valid {field}.");
}
