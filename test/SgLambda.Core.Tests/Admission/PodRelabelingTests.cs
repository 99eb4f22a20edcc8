using SgLambda.Core.Admission;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Tests.Admission;

/// <summary>Which running pods the reconciler has the webhook relabel (issue 11: fail open, relabel later).</summary>
public class PodRelabelingTests
{
    private const string Node = "sg-0c5e1a7b3d9f24681";
    private const string PodDefault = "sg-0e7a3c9d5f1b46803";
    private const string PodSg = "sg-98765432109876";

    private static readonly SgLambdaConfig Config = new() { VpcId = "vpc-1", PodSecurityGroupId = PodDefault, NodeSecurityGroupIds = [Node], TrustSecurityGroupId = "sg-0f8b4d0e6a2c57914" };

    private static PodLabelState Pod(string ns, string? claim, params string[] groups) =>
        new(ns, "web", groups.ToDictionary(LabelKeys.SecurityGroup, _ => "", StringComparer.Ordinal), claim, HostNetwork: false);

    [Test]
    public void A_pod_the_webhook_missed_is_relabelled()
    {
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", null), Config), Is.True, "started before SgLambda, or admitted while the webhook failed open");
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", $"[\"{PodSg}\"]", Node, PodDefault), Config), Is.True, "annotated since its labels were written");
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", $"[\"{PodSg}\"]", PodDefault), Config), Is.True, "a label missing");
    }

    [Test]
    public void A_pod_with_the_webhooks_labels_or_one_the_webhook_does_not_see_is_left_alone()
    {
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", null, Node, PodDefault), Config), Is.False);
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", $"[\"{PodSg}\"]", PodSg, PodDefault), Config), Is.False);
        Assert.That(PodRelabeling.NeedsRelabel(Pod("kube-system", null), Config), Is.False, "exempt namespace");
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", null) with { HostNetwork = true }, Config), Is.False, "host network");
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", $"[\"{PodSg}, {Node}\"]"), Config), Is.False, "the webhook would refuse the UPDATE of a malformed claim");
        Assert.That(PodRelabeling.NeedsRelabel(Pod("apps", "[\"sg-0f8b4d0e6a2c57914\"]"), Config), Is.False, "nor a claim of an internal SG");
    }
}
