using System.Net;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>The built-in resources later features use: Nodes, Namespaces, Pods and Kubernetes NetworkPolicies.</summary>
public class BuiltInResourceTests : EmulatorTest
{
    private const string Policies = "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies";

    [Test]
    public async Task Kubernetes_network_policies_are_namespaced_and_track_generation()
    {
        var created = await Client.PostAsync(Policies,
            """{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny-all"},"spec":{"podSelector":{},"policyTypes":["Ingress"]}}""");
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Text("metadata.namespace"), Is.EqualTo("default"));
        Assert.That(created.Text("metadata.generation"), Is.EqualTo("1"));

        var patched = await Client.PatchAsync(Policies + "/deny-all", """{"spec":{"policyTypes":["Ingress","Egress"]}}""", "application/merge-patch+json");
        Assert.That(patched.Text("metadata.generation"), Is.EqualTo("2"));
        var all = await Client.GetAsync("/apis/networking.k8s.io/v1/networkpolicies");
        Assert.That(all.Text("kind"), Is.EqualTo("NetworkPolicyList"));
        Assert.That(all.Body["items"]!.AsArray().Count, Is.EqualTo(1));
        Assert.That((await Client.GetAsync("/apis/crd.projectcalico.org/v1/networkpolicies")).Body["items"]!.AsArray(), Is.Empty,
            "Calico's NetworkPolicy is another resource");
        Assert.That((await Client.DeleteAsync(Policies + "/deny-all")).Code, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Pods_take_strategic_merge_patches_and_keep_their_status()
    {
        Emulator.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},"spec":{"nodeName":"n1"},"status":{"phase":"Running","podIP":"10.0.1.20"}}""");
        var labelled = await Client.PatchAsync("/api/v1/namespaces/default/pods/web?fieldManager=sglambda-webhook",
            """{"metadata":{"labels":{"sg.aws.tigera.io/sg-0a1":""}}}""", "application/strategic-merge-patch+json");
        Assert.That(labelled.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(labelled.Body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"app":"web","sg.aws.tigera.io/sg-0a1":""}"""));
        var statusChange = await Client.PatchAsync("/api/v1/namespaces/default/pods/web", """{"status":{"phase":"Failed"}}""", "application/merge-patch+json");
        Assert.That(statusChange.Text("status.phase"), Is.EqualTo("Running"), "status changes only through /status");
        var selected = await Client.GetAsync("/api/v1/pods?labelSelector=" + Uri.EscapeDataString("sg.aws.tigera.io/sg-0a1"));
        Assert.That(selected.Body["items"]!.AsArray().Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Nodes_are_cluster_scoped_and_deleting_one_answers_a_Success_Status()
    {
        var created = await Client.PostAsync("/api/v1/nodes",
            """{"apiVersion":"v1","kind":"Node","metadata":{"name":"ip-10-0-1-5.ec2.internal"},"spec":{"providerID":"aws:///us-east-1a/i-0abc"}}""");
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Body["metadata"]!["generation"], Is.Null);
        var deleted = await Client.DeleteAsync("/api/v1/nodes/ip-10-0-1-5.ec2.internal");
        Assert.That(deleted.Text("kind"), Is.EqualTo("Status"));
        Assert.That(deleted.Text("status"), Is.EqualTo("Success"));
        Assert.That(deleted.Text("details.name"), Is.EqualTo("ip-10-0-1-5.ec2.internal"));
    }

    [Test]
    public async Task A_namespace_name_must_be_a_DNS_label()
    {
        var invalid = await Client.PostAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a.b"}}""");
        Assert.That(invalid.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(invalid.Body["details"]!["causes"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("metadata.name"));
    }
}
