using System.Net;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Core.Translation;
using SgLambda.TestSupport.Properties;

namespace SgLambda.Core.Tests.Properties;

/// <summary>
/// SEMANTICS.md section 1, checked end to end: on random adversarial topologies, the three integration
/// tiers that <see cref="Translator.Render"/> writes PASS a flow exactly when AWS SG semantics
/// (<see cref="AwsEvaluator"/>, written independently of the translation) allow it.
/// </summary>
public class TranslationEquivalenceProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property Integration_tiers_pass_a_flow_exactly_when_security_groups_allow_it() =>
        Prop.ForAll(TopologyGenerator.Arbitrary(), topology =>
        {
            var mismatch = VerdictMismatches(topology).FirstOrDefault();
            return Prop.Label(mismatch is null, mismatch ?? "");
        });

    [FsCheck.NUnit.Property(MaxTest = 100, QuietOnSuccess = true)]
    public Property HostEndpoints_own_exactly_the_addresses_of_cluster_nodes_and_VPC_members() =>
        Prop.ForAll(TopologyGenerator.Arbitrary(), topology =>
        {
            var mismatch = OwnershipMismatches(topology).FirstOrDefault();
            return Prop.Label(mismatch is null, mismatch ?? "");
        });

    /// <summary>The flows whose verdict differs; <paramref name="objects"/> are the cluster's objects (default: the render).</summary>
    internal static IEnumerable<string> VerdictMismatches(Topology topology, IReadOnlyList<CalicoObject>? objects = null)
    {
        var config = topology.Config;
        var calico = new CalicoEvaluator(objects ?? Translator.Render(topology.Snapshot, config).Objects, topology.Pods, topology.Snapshot.Nodes.Select(node => node.Name));
        var aws = new AwsEvaluator(topology.Snapshot, config, topology.Pods);
        var registered = topology.Snapshot.Nodes.Select(node => node.InstanceId).OfType<string>().ToHashSet(StringComparer.Ordinal);

        bool Enforced(AwsEndpoint endpoint) =>
            endpoint.Kind == AwsEndpointKind.Pod
            || (endpoint.Kind == AwsEndpointKind.ClusterNode && config.EnforceNodes && registered.Contains(endpoint.Id));

        foreach (var flow in topology.Flows)
        {
            var source = aws.FindEndpoint(flow.Source);
            var destination = aws.FindEndpoint(flow.Destination);
            if (!Enforced(source) && !Enforced(destination)) continue;
            var tiers = calico.EvaluateTiers(flow, CalicoEvaluator.IntegrationTiers);

            bool expected;
            string reference;
            if (source.Kind == AwsEndpointKind.Pod && AwsExemptAddresses.IsInstanceMetadata(flow.Destination))
            {
                // The metadata tier alone decides a pod's access to the instance metadata service.
                var pod = topology.Pods.First(p => p.Ip.Equals(flow.Source));
                expected = MetadataAllowed(pod, config);
                reference = $"metadata access of {pod} with default {config.DefaultPodMetadataAccess}: {(expected ? "allowed" : "denied")}";
            }
            else
            {
                var verdict = aws.Evaluate(flow);
                // The tiers answer for the enforced endpoints' own SG rules, and (through sg-remote) for the
                // rules of the HostEndpoint (VPC member or node) at the far end, which the trust SG stops AWS
                // from filtering. An ENI that gets no HostEndpoint (branch/trunk, VPC CNI secondary, another
                // VPC) does not carry the trust SG: AWS filters that side itself, so it is not checked here.
                var egressChecked = Enforced(source) || (HasHostEndpoint(source) && Enforced(destination));
                var ingressChecked = Enforced(destination) || (HasHostEndpoint(destination) && Enforced(source));
                expected = verdict.Exemption is not null
                    || ((!egressChecked || verdict.Egress.Allowed) && (!ingressChecked || verdict.Ingress.Allowed));
                reference = verdict.ToString();
            }

            if (tiers.IsPassed != expected)
            {
                yield return $"{flow}: the integration tiers {(tiers.IsPassed ? "pass" : "do not pass")} it, AWS says "
                    + $"{(expected ? "allowed" : "denied")}.\n  AWS: {reference}\n  Calico: {tiers}\n  endpoints: {source} -> {destination}";
            }
        }
    }

    private static IEnumerable<string> OwnershipMismatches(Topology topology)
    {
        var rendered = Translator.Render(topology.Snapshot, topology.Config);
        var calico = new CalicoEvaluator(rendered.Objects, topology.Pods, topology.Snapshot.Nodes.Select(node => node.Name));
        var aws = new AwsEvaluator(topology.Snapshot, topology.Config, topology.Pods);
        var addresses = topology.Flows.SelectMany(flow => new[] { flow.Source, flow.Destination }).Distinct();
        foreach (var address in addresses)
        {
            var expected = aws.FindEndpoint(address).Kind switch
            {
                AwsEndpointKind.Pod => (CalicoEndpointKind?)CalicoEndpointKind.Pod,
                AwsEndpointKind.ClusterNode or AwsEndpointKind.VpcMember => CalicoEndpointKind.HostEndpoint,
                _ => null,
            };
            var actual = calico.FindEndpoint(address);
            if (actual?.Kind != expected)
            {
                yield return $"{address}: AWS sees {aws.FindEndpoint(address)}, Calico sees {actual?.ToString() ?? "no endpoint"}";
            }
        }
    }

    [Test]
    public void A_pod_in_no_security_group_is_denied_by_aws_and_by_the_tiers_alike()
    {
        // A pod is always SG-bound (SEMANTICS.md section 3: every pod is in the pod-default SG). One the
        // webhook never labelled is governed by no rule: both models deny it, but for the AWS services.
        var snapshot = new AwsSnapshot { Vpcs = [new Vpc { VpcId = TopologyGenerator.VpcId, CidrBlock = "172.31.0.0/16" }] };
        var config = new SgLambdaConfig
        {
            VpcId = TopologyGenerator.VpcId,
            TrustSecurityGroupId = TopologyGenerator.TrustGroup,
            EnforcedSecurityGroupId = TopologyGenerator.EnforcedGroup,
        };
        Pod[] pods = [new Pod("default", "pod-0", IPAddress.Parse("192.168.0.10"), new Dictionary<string, string>())];
        var calico = new CalicoEvaluator(Translator.Render(snapshot, config).Objects, pods, []);
        var aws = new AwsEvaluator(snapshot, config, pods);

        var toInternet = Flow.Tcp("192.168.0.10", "8.8.8.8", 443);
        Assert.That(aws.Evaluate(toInternet).Allowed, Is.False);
        Assert.That(calico.EvaluateTiers(toInternet, CalicoEvaluator.IntegrationTiers).IsPassed, Is.False);
        var toResolver = Flow.Udp("192.168.0.10", "172.31.0.2", 53);
        Assert.That(aws.Evaluate(toResolver).Allowed, Is.True);
        Assert.That(calico.EvaluateTiers(toResolver, CalicoEvaluator.IntegrationTiers).IsPassed, Is.True);
    }

    private static bool HasHostEndpoint(AwsEndpoint endpoint) =>
        endpoint.Kind is AwsEndpointKind.ClusterNode or AwsEndpointKind.VpcMember;

    private static bool MetadataAllowed(Pod pod, SgLambdaConfig config) =>
        pod.Labels.TryGetValue(LabelKeys.AllowMetadataAccess, out var value)
            ? string.Equals(value, "true", StringComparison.Ordinal)
            : config.DefaultPodMetadataAccess == MetadataAccess.Allowed;

    [Test]
    public void The_generator_produces_every_role_of_flow()
    {
        // Guards the property against a generator that silently stops producing some kinds of traffic.
        var topologies = TopologyGenerator.Topologies().Sample(30, 40);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topology in topologies)
        {
            var aws = new AwsEvaluator(topology.Snapshot, topology.Config, topology.Pods);
            foreach (var flow in topology.Flows)
            {
                var source = aws.FindEndpoint(flow.Source).Kind;
                var destination = AwsExemptAddresses.Reason(flow.Destination, IPAddress.Parse("10.0.0.2")) is null
                    ? aws.FindEndpoint(flow.Destination).Kind.ToString()
                    : "Exempt";
                kinds.Add($"{source}->{destination}/v{flow.IpVersion}");
            }
        }

        Assert.That(kinds, Is.SupersetOf(new[]
        {
            "Pod->Pod/v4", "Pod->Pod/v6", "Pod->VpcMember/v4", "VpcMember->Pod/v4", "Pod->ClusterNode/v4", "ClusterNode->Pod/v4",
            "ClusterNode->VpcMember/v4", "Pod->External/v4", "Pod->External/v6", "Pod->Exempt/v4", "Pod->Exempt/v6", "External->Pod/v4",
            "Pod->VpcMember/v6",
        }));
    }
}
