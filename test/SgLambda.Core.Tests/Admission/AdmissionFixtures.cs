using System.Text.Json;
using SgLambda.Core.Admission;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Tests.Admission;

/// <summary>The AdmissionReview fixtures beside these tests (read from the repository) and the configuration they assume.</summary>
internal static class AdmissionFixtures
{
    public const string PodSg = "sg-98765432109876";
    public const string InstanceSg = "sg-12345678901234";
    public const string NodeSg1 = "sg-0aaa1111bbbb2222c";
    public const string NodeSg2 = "sg-0bbb2222cccc3333d";
    public const string TrustSg = "sg-0f0f0f0f0f0f0f0f0";
    public const string EnforcedSg = "sg-0e0e0e0e0e0e0e0e0";

    public static SgLambdaConfig Config { get; } = new()
    {
        VpcId = "vpc-0a1b2c3d4e5f60718",
        PodSecurityGroupId = PodSg,
        NodeSecurityGroupIds = [NodeSg1, NodeSg2],
        TrustSecurityGroupId = TrustSg,
        EnforcedSecurityGroupId = EnforcedSg,
    };

    public static string FixturesDirectory { get; } = Path.Combine(FindRepositoryRoot(), "test", "SgLambda.Core.Tests", "Admission", "Fixtures");

    public static IReadOnlyList<string> FixtureNames =>
        [.. Directory.GetFiles(FixturesDirectory, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(FixturesDirectory, fileName));

    public static AdmissionReview Review(string fileName) =>
        JsonSerializer.Deserialize(Text(fileName), AdmissionJsonContext.Default.AdmissionReview)
        ?? throw new InvalidDataException($"{fileName} is JSON null");

    public static string Label(string groupId) => "sg.aws.tigera.io/" + groupId;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no SgLambda.sln above {AppContext.BaseDirectory}");
    }
}
