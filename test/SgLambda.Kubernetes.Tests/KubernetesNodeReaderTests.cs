using SgLambda.Core.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Kubernetes.Tests;

public class KubernetesNodeReaderTests : StoreTest
{
    [Test]
    public async Task Nodes_are_read_page_by_page_with_their_instance_ids()
    {
        Emulator.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"ip-10-0-1-5.ec2.internal"},"spec":{"providerID":"aws:///us-east-1a/i-0abc"}}""");
        Emulator.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"ip-10-0-1-6.ec2.internal"},"spec":{"providerID":"aws:///us-east-1b/i-0def"}}""");
        Emulator.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"kind-worker"},"spec":{"providerID":"kind://docker/kind/kind-worker"}}""");
        Emulator.Seed("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"unregistered"},"spec":{}}""");
        Emulator.Faults.Enqueue(FaultKind.TooManyRequests, verb: "list", resource: "nodes");

        var nodes = await new KubernetesNodeReader(Api, RecordingRetry(), pageSize: 3).ListNodesAsync(CancellationToken.None);

        Assert.That(nodes, Is.EqualTo(new[]
        {
            new KubernetesNode("ip-10-0-1-5.ec2.internal", "i-0abc"),
            new KubernetesNode("ip-10-0-1-6.ec2.internal", "i-0def"),
            new KubernetesNode("kind-worker", null),
            new KubernetesNode("unregistered", null),
        }));
        Assert.That(Emulator.Requests.Count("list", "nodes"), Is.EqualTo(3), "one throttled, two pages");
    }
}
