using System.Net;
using SgLambda.Core.Admission;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Every annotated pod reaches the Kubernetes API (the EKS control plane's ENIs, tcp 443) and cluster DNS (CoreDNS,
/// udp 53), as AWS SG semantics decide it. Annotated, a pod is in its SGs and the pod-default SG, no longer in the node
/// SGs that the control plane and CoreDNS admit (the trap AWS's own "security groups for pods" documents); the tiers
/// follow AWS, so such a pod loses what its SGs do not allow.
/// </summary>
public static class PodReachCheck
{
    public const string Title = "Annotated pods reach the Kubernetes API and cluster DNS";

    /// <summary>The label CoreDNS's pods carry on EKS (and kubeadm): the kube-dns Service selects them by it.</summary>
    public const string DnsLabel = "k8s-app";
    public const string DnsLabelValue = "kube-dns";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Input.Pods.SkippedBecause is { } reason) return CheckResult.Skip(CheckIds.PodReach, Title, reason);
        var config = context.Input.Config;
        var pods = context.Input.Pods.Value!;

        // Every pod in the SGs SEMANTICS.md section 3 gives it, whatever labels it carries now (the webhook may not have run).
        var claims = new Dictionary<(string, string), IReadOnlyList<string>>();
        var workloads = new List<Pod>();
        foreach (var pod in pods)
        {
            if (pod.AsWorkload() is not { } workload) continue;
            if (config.IsExemptNamespace(pod.Namespace))
            {
                workloads.Add(workload);
                continue;
            }
            var claimed = Claimed(pod, config);
            if (claimed is null) continue;
            if (claimed.Count > 0) claims[(pod.Namespace, pod.Name)] = claimed;
            workloads.Add(workload with { Labels = PodMembership.LabelKeysFor(claimed, config).ToDictionary(key => key, _ => "", StringComparer.Ordinal) });
        }
        var aws = new AwsEvaluator(context.Input.Aws, config, workloads);

        var controlPlane = context.Input.Aws.NetworkInterfaces
            .Where(eni => string.Equals(eni.VpcId, config.VpcId, StringComparison.Ordinal)
                && EniClassifier.ResourceTypeOf(eni) == ResourceTypes.EksControlPlane
                && IPAddress.TryParse(eni.PrivateIpAddress, out _))
            .Select(eni => (eni.NetworkInterfaceId, Ip: IPAddress.Parse(eni.PrivateIpAddress!)))
            .ToList();
        var dns = pods
            .Where(pod => pod.Ip is not null && !pod.HostNetwork && string.Equals(pod.Namespace, "kube-system", StringComparison.Ordinal)
                && pod.Labels.TryGetValue(DnsLabel, out var value) && string.Equals(value, DnsLabelValue, StringComparison.Ordinal))
            .Select(pod => ($"{pod.Namespace}/{pod.Name}", Ip: pod.Ip!))
            .ToList();

        var findings = new List<DoctorFinding>();
        foreach (var pod in workloads.Where(p => claims.ContainsKey((p.Namespace, p.Name))))
        {
            var subject = $"{pod.Namespace}/{pod.Name}";
            var groups = string.Join(", ", PodMembership.SecurityGroups(claims[(pod.Namespace, pod.Name)], config));
            var apiDenied = controlPlane.Where(cp => aws.Evaluate(Flow.Tcp(pod.Ip, cp.Ip, 443)) is { Allowed: false }).ToList();
            if (apiDenied.Count > 0)
            {
                findings.Add(new DoctorFinding(CheckIds.PodReach, FindingIds.PodApiUnreachable, DoctorSeverity.Error, subject,
                    $"pod {subject} (annotated; in {groups}) cannot reach the Kubernetes API: its SGs deny tcp 443 to the control plane's "
                    + $"ENI{(apiDenied.Count > 1 ? "s" : "")} {string.Join(", ", apiDenied.Select(cp => $"{cp.NetworkInterfaceId} ({cp.Ip})"))}",
                    "an annotated pod is no longer in the node SGs the control plane admits; anything in it that uses a Kubernetes client (an operator, a controller) fails",
                    "deploy with PodsReachControlPlane=true (tcp 443 from the pod-default SG on the control plane's SG), or allow tcp 443 from one of the pod's SGs: "
                    + $"aws ec2 authorize-security-group-ingress --group-id <control plane SG> --protocol tcp --port 443 --source-group {config.PodSecurityGroupId ?? "<pod SG>"}"));
            }
            var dnsDenied = dns.Where(server => aws.Evaluate(Flow.Udp(pod.Ip, server.Ip, 53)) is { Allowed: false }).ToList();
            if (dnsDenied.Count > 0)
            {
                findings.Add(new DoctorFinding(CheckIds.PodReach, FindingIds.PodDnsUnreachable, DoctorSeverity.Error, subject,
                    $"pod {subject} (annotated; in {groups}) cannot reach cluster DNS: its SGs and CoreDNS's (the node SGs and the pod-default SG) deny udp 53 to "
                    + string.Join(", ", dnsDenied.Select(server => $"{server.Item1} ({server.Ip})")),
                    "every name lookup of the pod through the kube-dns Service fails or times out",
                    "allow udp 53 (and tcp 53) from one of the pod's SGs to the node SGs or the pod-default SG, and out of the pod's SGs; "
                    + "the pod-default SG SgLambda creates admits itself, so check the pod's SGs' egress rules"));
            }
        }
        return CheckResult.Of(CheckIds.PodReach, Title, findings);
    }

    /// <summary>The SGs the pod's annotation claims (none without one); null for a pod the webhook would refuse or skip.</summary>
    private static IReadOnlyList<string>? Claimed(ClusterPod pod, Core.Configuration.SgLambdaConfig config)
    {
        if (pod.SecurityGroupClaim is not { } claim) return [];
        var parsed = SecurityGroupList.Parse(claim, LabelKeys.SecurityGroupsAnnotation);
        return parsed.IsValid && PodMembership.CheckClaim(parsed.Ids, config) is null ? parsed.Ids : null;
    }
}
