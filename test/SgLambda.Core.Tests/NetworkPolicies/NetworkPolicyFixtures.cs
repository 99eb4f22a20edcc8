using System.Text.Json.Nodes;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;

namespace SgLambda.Core.Tests.NetworkPolicies;

/// <summary>The NetworkPolicy fixtures beside these tests, read from the repository (not copies in the build output).</summary>
internal static class NetworkPolicyFixtures
{
    public static string FixturesDirectory { get; } = Path.Combine(FindRepositoryRoot(), "test", "SgLambda.Core.Tests", "NetworkPolicies", "Fixtures");

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

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no SgLambda.sln above {AppContext.BaseDirectory}");
    }
}
