using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SgLambda.Core.Calico;

namespace SgLambda.Cli.Demo;

/// <summary>
/// What kubectl and the API server do in the tutorial: create the namespace and the pod, annotate it, create
/// NetworkPolicies. Pod writes go through SgLambda's admission webhook function because the sandbox's cluster
/// calls it, as the API server does: an AdmissionReview POSTed to its function URL, the JSON patch of the
/// answer applied to the object before it is stored.
/// </summary>
internal static class DemoCluster
{
    public static async Task<string> CreatePodAsync(DemoWorld world, string podIp, CancellationToken cancellationToken)
    {
        await world.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = DemoWorld.Namespace } }, cancellationToken: cancellationToken);
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = DemoWorld.PodName, ["namespace"] = DemoWorld.Namespace, ["labels"] = new JsonObject { ["app"] = DemoWorld.PodName } },
            ["spec"] = new JsonObject
            {
                ["nodeName"] = DemoWorld.NodeName,
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "nginx", ["image"] = "nginx" }),
            },
        };
        await world.Kubernetes.CoreV1.CreateNamespacedPodAsync(KubernetesJson.Deserialize<V1Pod>(pod.ToJsonString()), DemoWorld.Namespace, cancellationToken: cancellationToken);
        // The VPC CNI gives the pod one of its node's secondary addresses (the emulator takes status by seeding).
        var admitted = world.Cluster.Get("v1", "Pod", DemoWorld.Namespace, DemoWorld.PodName)!;
        var stored = admitted.DeepClone().AsObject();
        stored["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = podIp, ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }) };
        world.Cluster.Seed(stored);
        return $"kubectl create deployment pod-tester -n {DemoWorld.Namespace}: pod {DemoWorld.Namespace}/{DemoWorld.PodName} ({podIp}), labels {SgLabels(admitted)}";
    }

    public static async Task<string> AnnotatePodAsync(DemoWorld world, string groupId, CancellationToken cancellationToken)
    {
        var old = world.Cluster.Get("v1", "Pod", DemoWorld.Namespace, DemoWorld.PodName)!;
        var updated = old.DeepClone().AsObject();
        var metadata = updated["metadata"]!.AsObject();
        metadata["annotations"] = new JsonObject { [LabelKeys.SecurityGroupsAnnotation] = $"[\"{groupId}\"]" };
        await world.Kubernetes.CoreV1.ReplaceNamespacedPodAsync(KubernetesJson.Deserialize<V1Pod>(updated.ToJsonString()), DemoWorld.PodName, DemoWorld.Namespace, cancellationToken: cancellationToken);
        var admitted = world.Cluster.Get("v1", "Pod", DemoWorld.Namespace, DemoWorld.PodName)!;
        return $"kubectl annotate pod -n {DemoWorld.Namespace} -l app=pod-tester {LabelKeys.SecurityGroupsAnnotation}='[\"{groupId}\"]': the webhook sets labels {SgLabels(admitted)}";
    }

    public static async Task<string> CreateNetworkPolicyAsync(DemoWorld world, JsonObject policy, CancellationToken cancellationToken)
    {
        var created = await world.Kubernetes.NetworkingV1.CreateNamespacedNetworkPolicyAsync(
            KubernetesJson.Deserialize<V1NetworkPolicy>(policy.ToJsonString()), DemoWorld.Namespace, cancellationToken: cancellationToken);
        return $"kubectl create -f -: NetworkPolicy {created.Metadata.NamespaceProperty}/{created.Metadata.Name}";
    }

    private static string SgLabels(JsonObject pod) =>
        string.Join(", ", (pod["metadata"]?["labels"] as JsonObject ?? [])
            .Select(label => label.Key)
            .Where(key => key.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal)));
}
