using System.Text.Json;
using SgLambda.Core.Admission;
using SgLambda.Core.Configuration;

namespace SgLambda.TestSupport.Admission;

/// <summary>The AdmissionReview fixtures beside these tests (read from the repository) and the configuration they assume.</summary>
public static class AdmissionFixtures
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

    public static string FixturesDirectory { get; } = Path.Combine(RepositoryRoot.Path, "test", "SgLambda.Core.Tests", "Admission", "Fixtures");

    public static IReadOnlyList<string> FixtureNames =>
        [.. Directory.GetFiles(FixturesDirectory, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(FixturesDirectory, fileName));

    public static AdmissionReview Review(string fileName) =>
        JsonSerializer.Deserialize(Text(fileName), AdmissionJsonContext.Default.AdmissionReview)
        ?? throw new InvalidDataException($"{fileName} is JSON null");

    public static string Label(string groupId) => "sg.aws.tigera.io/" + groupId;

    public const string AppLabel = "app=nginx";
    public static readonly string PodSgLabel = Label(PodSg) + "=";
    public static readonly string InstanceSgLabel = Label(InstanceSg) + "=";
    public static readonly string NodeSg1Label = Label(NodeSg1) + "=";
    public static readonly string NodeSg2Label = Label(NodeSg2) + "=";

    /// <summary>
    /// The admitted fixtures and SEMANTICS.md section 3's labels for each: the annotation's SGs and the pod-default
    /// SG, else the node SGs and the pod-default SG. Shared by the core's tests and the webhook function's.
    /// </summary>
    public static readonly AllowedCase[] AllowedCases =
    [
        new("create-annotated.json", [AppLabel, InstanceSgLabel, PodSgLabel]),
        new("create-no-labels.json", [NodeSg1Label, NodeSg2Label, PodSgLabel]),
        new("create-empty-list.json", [AppLabel, NodeSg1Label, NodeSg2Label, PodSgLabel]),
        new("create-duplicates.json", [AppLabel, InstanceSgLabel, PodSgLabel]),
        // Hand-set SG labels go, a wrong value is reset; other labels (even sglambda.io/*) stay.
        new("create-user-labels.json", [AppLabel, InstanceSgLabel, PodSgLabel, "sglambda.io/endpoint-kind=cluster-node"]),
        // What `kubectl annotate pod nginx aws.tigera.io/security-groups='["sg-..."]'` sends.
        new("update-annotate.json", [AppLabel, InstanceSgLabel, PodSgLabel]),
        new("update-remove-annotation.json", [AppLabel, NodeSg1Label, NodeSg2Label, PodSgLabel]),
        new("update-user-label.json", [AppLabel, NodeSg1Label, NodeSg2Label, PodSgLabel]),
    ];
}
