namespace SgLambda.Emulators.Kubernetes;

/// <summary>What the validator needs of a CustomResourceDefinition: group, kind, scope and versions.</summary>
public sealed record CustomResourceDefinition(
    string Name,
    string Group,
    string Kind,
    bool Namespaced,
    IReadOnlyList<CustomResourceDefinitionVersion> Versions,
    string SourceFile)
{
    /// <summary>The served version called <paramref name="version"/>, or null.</summary>
    public CustomResourceDefinitionVersion? ServedVersion(string version) =>
        Versions.FirstOrDefault(candidate => candidate.Served && string.Equals(candidate.Name, version, StringComparison.Ordinal));
}
