using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Diagnostics.Doctor;
using SgLambda.Diagnostics.Explain;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Diagnostics.Tests.Doctor;

/// <summary>
/// Annotated pods that lose the Kubernetes API or cluster DNS (issue 11, item 4): the EKS cluster as it comes (a node
/// SG that admits itself, a control plane that admits the nodes on 443), SgLambda's pod-default SG, an app SG.
/// </summary>
public class PodReachCheckTests
{
    private const string NodeSg = "sg-0000000000000a001";
    private const string ControlPlaneSg = "sg-0000000000000c001";
    private const string PodDefaultSg = "sg-0000000000000d001";
    private const string AppSg = "sg-0000000000000e001";
    // Annotations take well-formed ids only (sg- and 8 or 17 hex digits).
    private const string ClosedSg = "sg-0000000000000f001";

    [Test]
    public void An_annotated_pod_whose_sgs_the_control_plane_does_not_admit_is_named()
    {
        var input = Input(podsReachControlPlane: false, Pod("default", "operator", "10.0.2.21", $"[\"{AppSg}\"]"), Pod("default", "plain", "10.0.2.22", null));

        var findings = InstallationDoctor.Examine(input).Findings.Where(f => f.Check == CheckIds.PodReach).ToList();

        Assert.That(findings.Select(f => (f.Id, f.Subject)), Is.EqualTo(new[] { (FindingIds.PodApiUnreachable, "default/operator") }),
            "the unannotated pod is in the node SGs, which the control plane admits");
        Assert.That(findings[0].What, Does.Contain("eni-0cp1 (10.0.9.10)").And.Contain(AppSg).And.Contain(PodDefaultSg));
        Assert.That(findings[0].Fix, Does.Contain("PodsReachControlPlane=true"));
    }

    [Test]
    public void With_pods_reach_control_plane_the_same_pod_is_healthy()
    {
        var input = Input(podsReachControlPlane: true, Pod("default", "operator", "10.0.2.21", $"[\"{AppSg}\"]"));

        var check = InstallationDoctor.Examine(input).Checks.Single(c => c.Check == CheckIds.PodReach);

        Assert.That(check.Status, Is.EqualTo(CheckStatus.Passed), string.Join("; ", check.Findings.Select(f => f.What)));
    }

    [Test]
    public void An_annotated_pod_whose_sgs_allow_no_egress_loses_dns_and_the_api()
    {
        var input = Input(podsReachControlPlane: true, Pod("default", "sealed", "10.0.2.23", $"[\"{ClosedSg}\"]"));

        var found = InstallationDoctor.Examine(input).Findings.Where(f => f.Check == CheckIds.PodReach).Select(f => f.Id).ToList();

        // The pod-default SG allows all egress, so the pod's union of SGs still does: only a closed pod-default would cut it.
        Assert.That(found, Is.Empty, "SGs are a union: the pod-default SG's egress is the pod's too");

        var closedDefault = input with
        {
            Aws = input.Aws with
            {
                SecurityGroups = [.. input.Aws.SecurityGroups.Select(g => g.GroupId == PodDefaultSg ? g with { IpPermissionsEgress = [] } : g)],
            },
        };
        var closed = InstallationDoctor.Examine(closedDefault).Findings.Where(f => f.Check == CheckIds.PodReach).Select(f => (f.Id, f.Subject)).ToList();
        Assert.That(closed, Is.EquivalentTo(new[] { (FindingIds.PodApiUnreachable, "default/sealed"), (FindingIds.PodDnsUnreachable, "default/sealed") }));
    }

    [Test]
    public void Exempt_and_unannotated_pods_and_refused_claims_are_not_checked()
    {
        var input = Input(podsReachControlPlane: false,
            Pod("kube-system", "aws-node-helper", "10.0.2.24", $"[\"{AppSg}\"]"),
            Pod("default", "plain", "10.0.2.22", null),
            Pod("default", "malformed", "10.0.2.25", "sg-not-json"));

        var check = InstallationDoctor.Examine(input).Checks.Single(c => c.Check == CheckIds.PodReach);

        Assert.That(check.Status, Is.EqualTo(CheckStatus.Passed));
    }

    [Test]
    public void Without_pods_the_check_is_skipped()
    {
        var input = Input(podsReachControlPlane: false) with { Pods = Observation.Skipped<IReadOnlyList<ClusterPod>>("offline (--cluster-snapshot); pass --pods") };

        var check = InstallationDoctor.Examine(input).Checks.Single(c => c.Check == CheckIds.PodReach);

        Assert.That((check.Status, check.SkipReason), Is.EqualTo((CheckStatus.Skipped, "offline (--cluster-snapshot); pass --pods")));
    }

    private static ClusterPod Pod(string ns, string name, string ip, string? claim) =>
        new(ns, name, IPAddress.Parse(ip), new Dictionary<string, string>(StringComparer.Ordinal), "ip-10-0-2-10.ec2.internal", HostNetwork: false) { SecurityGroupClaim = claim };

    private static DoctorInput Input(bool podsReachControlPlane, params ClusterPod[] pods)
    {
        var controlPlaneIngress = new List<IpPermission> { Perm("tcp", 443, 443, groups: [NodeSg]) };
        if (podsReachControlPlane) controlPlaneIngress.Add(Perm("tcp", 443, 443, groups: [PodDefaultSg]));
        var coreDns = new ClusterPod("kube-system", "coredns-5d8f", IPAddress.Parse("10.0.2.20"),
            new Dictionary<string, string>(StringComparer.Ordinal) { [PodReachCheck.DnsLabel] = PodReachCheck.DnsLabelValue }, "ip-10-0-2-10.ec2.internal", HostNetwork: false);
        var aws = Snapshot(
            [
                Sg(NodeSg, ingress: [Perm("-1", groups: [NodeSg]), Perm("-1", groups: [ControlPlaneSg])], egress: [Perm("-1", cidrs: ["0.0.0.0/0"])]),
                Sg(ControlPlaneSg, ingress: [.. controlPlaneIngress], egress: [Perm("-1", cidrs: ["0.0.0.0/0"])]),
                Sg(PodDefaultSg, ingress: [Perm("-1", groups: [NodeSg, ControlPlaneSg, PodDefaultSg])], egress: [Perm("-1", cidrs: ["0.0.0.0/0"])]),
                Sg(AppSg, ingress: [Perm("tcp", 8080, 8080, groups: [NodeSg])], egress: [Perm("-1", cidrs: ["0.0.0.0/0"])]),
                Sg(ClosedSg),
            ],
            [
                Eni("eni-0node", [NodeSg, EnforcedSg], ["10.0.2.10", "10.0.2.20", "10.0.2.21", "10.0.2.22", "10.0.2.23", "10.0.2.24", "10.0.2.25"], instance: "i-0node"),
                Eni("eni-0cp1", [ControlPlaneSg], ["10.0.9.10"], description: "Amazon EKS demo"),
            ],
            nodes: [new KubernetesNode("ip-10-0-2-10.ec2.internal", "i-0node")]);
        return new DoctorInput
        {
            Aws = aws,
            Config = Config() with { NodeSecurityGroupIds = [NodeSg], PodSecurityGroupId = PodDefaultSg },
            Cluster = [],
            Pods = Observation.Of<IReadOnlyList<ClusterPod>>([coreDns, .. pods]),
        };
    }
}
