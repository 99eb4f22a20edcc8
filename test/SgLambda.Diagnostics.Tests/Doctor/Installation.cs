using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Doctor;
using SgLambda.Core.NetworkPolicies;
using SgLambda.TestSupport.NetworkPolicies;
using SgLambda.Core.Translation;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Diagnostics.Tests.Doctor;

/// <summary>
/// A small healthy installation: two SGs (one referencing a prefix list), an EC2 member and an RDS DB with
/// the trust SG, a registered node with the enforced SG, and a cluster that holds exactly the render.
/// </summary>
internal static class Installation
{
    public const string AppSg = "sg-0app0000000000001";
    public const string DbSg = "sg-0db00000000000001";

    public static AwsSnapshot Account() => Snapshot(
        [
            Sg(AppSg, egress: [Perm("-1", cidrs: ["0.0.0.0/0"])]),
            Sg(DbSg, ingress: [Perm("tcp", 5432, 5432, groups: [AppSg]), Perm("tcp", 443, 443, lists: ["pl-0abc"])]),
        ],
        [
            Eni("eni-0member", [AppSg, TrustSg], ["10.0.1.5"], instance: "i-0member"),
            Eni("eni-0rds", [DbSg, TrustSg], ["10.0.3.5"], description: "RDSNetworkInterface") with { RequesterId = "amazon-rds" },
            Eni("eni-0node", [AppSg, EnforcedSg], ["10.0.2.10", "10.0.2.11"], instance: "i-0node"),
        ],
        lists: [new ManagedPrefixList { PrefixListId = "pl-0abc", Entries = [new PrefixListEntry { Cidr = "192.0.2.0/24" }] }],
        nodes: [new KubernetesNode("ip-10-0-2-10.ec2.internal", "i-0node")]) with
    {
        DbInstances = [new DbInstance { DBInstanceIdentifier = "orders", VpcId = VpcId, VpcSecurityGroupIds = [DbSg, TrustSg] }],
    };

    /// <summary>The seed tutorial's SG-aware allow-from-instance NetworkPolicy.</summary>
    public static KubernetesNetworkPolicy SgAwarePolicy() => NetworkPolicyFixtures.Policy("allow-from-instance.yaml");

    /// <summary>Its companion, as the reconcile writes it.</summary>
    public static NetworkPolicy Companion() => CompanionPolicy.For(SgAwarePolicy(), Config().CalicoApiGroup)!;

    public static IReadOnlyList<CalicoObject> Cluster(AwsSnapshot? aws = null) =>
        [.. Translator.Render(aws ?? Account(), Config()).Objects, Companion()];

    public static WebhookConfiguration Webhook(string url = "https://abc123.lambda-url.us-west-2.on.aws/0123456789abcdef0123456789abcdef") =>
        new(WebhookConfiguration.SgLambdaName,
        [
            new AdmissionWebhook("pods.sglambda.io", url, "Fail", [new WebhookRule([""], ["v1"], ["CREATE", "UPDATE"], ["pods"])]),
        ]);

    /// <summary>Every observation made, all healthy.</summary>
    public static DoctorInput Healthy() => new()
    {
        Aws = Account(),
        Config = Config(),
        Cluster = Cluster(),
        NetworkPolicies = Observation.Of<IReadOnlyList<KubernetesNetworkPolicy>>([SgAwarePolicy()]),
        Pods = Observation.Of<IReadOnlyList<Diagnostics.Explain.ClusterPod>>([]),
        Webhook = Observation.Of<WebhookConfiguration?>(Webhook()),
        WebhookProbe = Observation.Of(new WebhookProbeResult("https://abc123.lambda-url.us-west-2.on.aws/", 403, null)),
        DeadLetterQueue = Observation.Of(new DeadLetterQueueState("https://sqs.us-west-2.amazonaws.com/111122223333/dlq", 0)),
        FunctionErrors = Observation.Of<IReadOnlyList<FunctionLogErrors>>([new FunctionLogErrors("/aws/lambda/sglambda-ChangeHandler", true, 0, [])]),
    };

    public static IReadOnlyList<CalicoObject> Without(this IReadOnlyList<CalicoObject> objects, string kind, string name) =>
        [.. objects.Where(o => o.Kind != kind || o.Metadata.Name != name)];

    public static IReadOnlyList<CalicoObject> Replace(this IReadOnlyList<CalicoObject> objects, string kind, string name, Func<CalicoObject, CalicoObject> change) =>
        [.. objects.Select(o => o.Kind == kind && o.Metadata.Name == name ? change(o) : o)];

    /// <summary>(check, finding id, subject) of every finding.</summary>
    public static IEnumerable<(string Check, string Id, string Subject)> Found(DoctorInput input) =>
        InstallationDoctor.Examine(input).Findings.Select(f => (f.Check, f.Id, f.Subject));
}
