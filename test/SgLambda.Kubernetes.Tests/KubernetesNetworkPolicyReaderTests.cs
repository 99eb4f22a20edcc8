using SgLambda.Core.Calico;
using SgLambda.Core.NetworkPolicies;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// The NetworkPolicy reader against the API emulator: every namespace, page by page, read into the core's model
/// (built-in list items carry no kind or apiVersion); and the store writes a companion (a namespaced Calico
/// NetworkPolicy with an ownerReference) that passes Calico's CRD.
/// </summary>
public sealed class KubernetesNetworkPolicyReaderTests : StoreTest
{
    private static string Policy(string objectNamespace, string name, string uid, bool annotated)
    {
        var annotations = annotated ? "{\"rules.networkpolicy.tigera.io/match-security-groups\":\"true\"}" : "{}";
        return "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"NetworkPolicy\","
            + $"\"metadata\":{{\"name\":\"{name}\",\"namespace\":\"{objectNamespace}\",\"uid\":\"{uid}\",\"annotations\":{annotations}}},"
            + "\"spec\":{\"podSelector\":{\"matchLabels\":{\"app\":\"pod-tester\"}},\"policyTypes\":[\"Ingress\"],"
            + "\"ingress\":[{\"from\":[{\"podSelector\":{\"matchLabels\":{\"sg.aws.tigera.io/sg-12345678901234\":\"\"}}}],\"ports\":[{\"protocol\":\"TCP\",\"port\":80}]}]}}";
    }

    [Test]
    public async Task Lists_every_namespace_page_by_page_and_the_store_writes_the_companion()
    {
        Emulator.Seed(Policy("integration-demo", "allow-from-instance", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", annotated: true));
        Emulator.Seed(Policy("shop", "plain", "7a1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", annotated: false));
        Emulator.Seed(Policy("shop", "web", "8b1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", annotated: true));
        Emulator.Seed("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"integration-demo"}}""");
        var reader = new KubernetesNetworkPolicyReader(Api, RecordingRetry(), pageSize: 2);

        var policies = await reader.ListNetworkPoliciesAsync(CancellationToken.None);

        Assert.That(policies.Select(p => $"{p.Metadata.Namespace}/{p.Metadata.Name}"), Is.EquivalentTo(new[] { "integration-demo/allow-from-instance", "shop/plain", "shop/web" }));
        Assert.That(Emulator.Requests.Count("list", "networkpolicies"), Is.EqualTo(2));
        var seed = policies.Single(p => p.Metadata.Name == "allow-from-instance");
        Assert.That(seed.Spec.Ingress!.Single().Ports!.Single().Port, Is.EqualTo((IntOrString?)IntOrString.Of(80)));

        var store = Store(Calico.V3);
        await store.ApplyAsync(CompanionPolicy.For(seed, Calico.V3)!, CancellationToken.None);
        var stored = (await store.ListAsync(CalicoKind.NetworkPolicy, LabelQuery.Equal(CompanionPolicy.OwnerLabel, "allow-from-instance"), CancellationToken.None)).Single();
        Assert.That(stored.Metadata.OwnerReferences!.Single().Uid, Is.EqualTo("6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"));
    }
}
