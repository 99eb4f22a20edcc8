using System.Net;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Tutorial;

/// <summary>
/// SEMANTICS.md section 3, namespaces the webhook does not see, on the tutorial's data: their pods carry no
/// SG labels the webhook wrote, yet they are in the node SGs and the pod-default SG, so installing SgLambda
/// cuts nobody off CoreDNS; and labels forged there join no SG.
/// </summary>
public class ExemptNamespaceTests
{
    private const string NodeSg = "sg-0c5e1a7b3d9f24681";
    private const string PodSg = "sg-98765432109876";
    private const string Instance = "10.0.1.25";     // ec2-instance, in instance-sg, which pod-sg admits on 80

    private static readonly Pod CoreDns = new("kube-system", "coredns-5d78c9869d-abcde", IPAddress.Parse("10.0.2.61"),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["k8s-app"] = "kube-dns" });

    private static readonly Pod CalicoNode = new("calico-system", "calico-typha-7c9d6f5b4-xyz12", IPAddress.Parse("10.0.2.62"),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["k8s-app"] = "calico-typha" });

    /// <summary>A pod the webhook admitted without an annotation: the node SGs and the pod-default SG.</summary>
    private static Pod App(string podDefault) => new("integration-demo", "pod-tester", IPAddress.Parse("10.0.1.51"),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = "pod-tester",
            [LabelKeys.SecurityGroup(NodeSg)] = "",
            [LabelKeys.SecurityGroup(podDefault)] = "",
        });

    /// <summary>A pod of kube-system labelled by hand with pod-sg: no webhook vetted it.</summary>
    private static readonly Pod Forger = new("kube-system", "forger", IPAddress.Parse("10.0.1.52"),
        new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroup(PodSg)] = "" });

    [Test]
    public void Pods_reach_CoreDNS_in_kube_system_and_Calico_in_calico_system()
    {
        var input = TutorialSnapshot.Read();
        var app = App(input.Config.PodSecurityGroupId!);
        var calico = Evaluator(input, app, CoreDns, CalicoNode);

        foreach (var flow in new[]
        {
            Flow.Udp(app.Ip, CoreDns.Ip, 53),
            Flow.Tcp(app.Ip, CoreDns.Ip, 53),
            Flow.Tcp(CoreDns.Ip, app.Ip, 8080),
            Flow.Tcp(app.Ip, CalicoNode.Ip, 5473),
        })
        {
            var verdict = calico.EvaluateTiers(flow, CalicoEvaluator.IntegrationTiers);
            Assert.That(verdict.IsPassed, Is.True, verdict.ToString());
        }
    }

    [Test]
    public void A_label_forged_in_an_exempt_namespace_joins_no_security_group()
    {
        var input = TutorialSnapshot.Read();
        var calico = Evaluator(input, Forger);
        var aws = new AwsEvaluator(input.Snapshot, input.Config, [Forger]);

        var flow = Flow.Tcp(IPAddress.Parse(Instance), Forger.Ip, 80);
        Assert.That(aws.FindEndpoint(Forger.Ip).SecurityGroupIds, Is.EquivalentTo(new[] { NodeSg, input.Config.PodSecurityGroupId }));
        Assert.That(aws.Evaluate(flow).Allowed, Is.False, "AWS: the forger is in the node SGs and the pod-default SG only");
        var verdict = calico.EvaluateTiers(flow, CalicoEvaluator.IntegrationTiers);
        Assert.That(verdict.IsPassed, Is.False, verdict.ToString());
    }

    [Test]
    public void A_namespace_that_is_not_exempt_keeps_the_labels_the_webhook_wrote()
    {
        var input = TutorialSnapshot.Read();
        var config = input.Config with { ExemptNamespaces = [] };
        var rendered = Translator.Render(input.Snapshot, config);
        var calico = new CalicoEvaluator(rendered.Objects, [CoreDns], input.Snapshot.Nodes.Select(n => n.Name));

        // With no exempt namespace, an unlabelled pod of kube-system is in no SG, as before this change.
        var verdict = calico.EvaluateTiers(Flow.Udp(IPAddress.Parse("10.0.1.51"), CoreDns.Ip, 53), CalicoEvaluator.IntegrationTiers);
        Assert.That(verdict.IsPassed, Is.False, verdict.ToString());
        Assert.That(rendered.Objects.OfType<GlobalNetworkPolicy>().Select(p => p.Spec.Selector), Has.None.Contains(LabelKeys.CalicoNamespace + " in"));
    }

    private static CalicoEvaluator Evaluator(SgLambda.Core.Input.RenderInput input, params Pod[] pods) =>
        new(Translator.Render(input.Snapshot, input.Config).Objects, pods, input.Snapshot.Nodes.Select(n => n.Name));
}
