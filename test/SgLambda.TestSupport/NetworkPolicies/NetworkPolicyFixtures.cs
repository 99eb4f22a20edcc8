using System.Text.Json.Nodes;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;

namespace SgLambda.TestSupport.NetworkPolicies;

/// <summary>The NetworkPolicy fixtures beside these tests, read from the repository (not copies in the build output).</summary>
public static class NetworkPolicyFixtures
{
    public static string FixturesDirectory { get; } = Path.Combine(RepositoryRoot.Path, "test", "SgLambda.Core.Tests", "NetworkPolicies", "Fixtures");

    /// <summary>The input fixtures (<c>*.yaml</c>, not the <c>*.expected.yaml</c> beside them).</summary>
    public static IReadOnlyList<string> PolicyNames =>
        [.. Directory.GetFiles(FixturesDirectory, "*.yaml")
            .Select(f => Path.GetFileName(f)!)
            .Where(f => !f.EndsWith(".expected.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static KubernetesNetworkPolicy Policy(string fileName) =>
        KubernetesNetworkPolicyParser.Parse(Documents(fileName).Single());

    public static IReadOnlyList<JsonNode> Documents(string fileName) =>
        [.. YamlToJson.Documents(File.ReadAllText(Path.Combine(FixturesDirectory, fileName))).OfType<JsonNode>()];

    public static string PathOf(string fileName) => Path.Combine(FixturesDirectory, fileName);
}
