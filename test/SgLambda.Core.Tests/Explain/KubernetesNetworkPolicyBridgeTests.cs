using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Explain;

namespace SgLambda.Core.Tests.Explain;

public class KubernetesNetworkPolicyBridgeTests
{
    private static JsonObject Policy(string spec) =>
        JsonNode.Parse($$"""{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"default-deny","namespace":"integration-demo"},"spec":{{spec}}}""")!.AsObject();

    [Test]
    public void The_tutorials_default_deny_becomes_the_policy_calico_makes()
    {
        var converted = KubernetesNetworkPolicyBridge.Convert(Policy("""{"podSelector":{},"policyTypes":["Ingress"]}"""), out var note);

        Assert.That(note, Is.Null);
        Assert.That(converted!.Metadata.Name, Is.EqualTo("knp.default.default-deny"));
        Assert.That(converted.Metadata.Namespace, Is.EqualTo("integration-demo"));
        Assert.That(converted.Spec.Tier, Is.EqualTo("default"));
        Assert.That(converted.Spec.Order, Is.EqualTo(1000));
        Assert.That(converted.Spec.Selector, Is.EqualTo("projectcalico.org/orchestrator == 'k8s'"));
        Assert.That(converted.Spec.Types, Is.EqualTo(new[] { PolicyTypes.Ingress }));
        Assert.That(converted.Spec.Ingress, Is.Empty);
    }

    [Test]
    public void Match_labels_are_anded_in_key_order()
    {
        var converted = KubernetesNetworkPolicyBridge.Convert(Policy("""{"podSelector":{"matchLabels":{"tier":"web","app":"shop"}},"egress":[]}"""), out _);

        Assert.That(converted!.Spec.Selector, Is.EqualTo("projectcalico.org/orchestrator == 'k8s' && app == 'shop' && tier == 'web'"));
        Assert.That(converted.Spec.Types, Is.EqualTo(new[] { PolicyTypes.Ingress, PolicyTypes.Egress }));
    }

    [Test]
    public void A_policy_with_rules_is_left_out_with_a_note()
    {
        var converted = KubernetesNetworkPolicyBridge.Convert(Policy("""{"podSelector":{},"ingress":[{"from":[{"podSelector":{}}]}]}"""), out var note);

        Assert.That(converted, Is.Null);
        Assert.That(note, Does.Contain("integration-demo/default-deny is not evaluated"));
    }
}
