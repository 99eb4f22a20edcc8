using Amazon.EC2;
using k8s;
using SgLambda.Cli.Sandbox;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Explain;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Cli.Demo;

/// <summary>
/// The demo's world: a <see cref="SandboxWorld"/> seeded with the account before the tutorial starts (the
/// cluster's VPC, node and SgLambda's internal SGs) and one Node, on a fixed clock so that every run prints
/// the same thing. The demo's steps call its AWS and Kubernetes APIs and hand the events over in order.
/// </summary>
internal sealed class DemoWorld : IAsyncDisposable
{
    public const string Namespace = "integration-demo";
    public const string PodName = "pod-tester";
    public const string NodeName = "ip-10-0-1-50.us-west-2.compute.internal";
    private const string Region = "us-west-2";

    private DemoWorld(SandboxWorld sandbox, string subnetId, string nodeEni)
    {
        Sandbox = sandbox;
        SubnetId = subnetId;
        NodeNetworkInterfaceId = nodeEni;
    }

    /// <summary>The sandbox the demo runs on.</summary>
    public SandboxWorld Sandbox { get; }
    public Ec2Emulator Aws => Sandbox.Aws;
    public KubernetesApiEmulator Cluster => Sandbox.Cluster;
    public IAmazonEC2 Ec2 => Sandbox.Ec2;
    public IKubernetes Kubernetes => Sandbox.Kubernetes;
    public SgLambdaConfig Config => Sandbox.Config;
    /// <summary>The admission webhook function, called through its function URL as the API server calls it.</summary>
    public SandboxWebhook Webhook => Sandbox.Webhook;
    public string SubnetId { get; }
    public string NodeNetworkInterfaceId { get; }

    /// <summary>Whether Calico's real CRD schemas validate what the functions write (else a schema-less stand-in).</summary>
    public bool SchemasValidated => Sandbox.SchemasValidated;

    public static async Task<DemoWorld> StartAsync(TextWriter functionLog, CancellationToken cancellationToken)
    {
        string subnetId = "", nodeEni = "";
        var settings = new SandboxSettings { Region = Region, Seed = 2019, Clock = DemoClock.Instance, FunctionLog = functionLog, BearerToken = "sglambda-demo" };
        var sandbox = await SandboxWorld.StartAsync(settings, account =>
        {
            var vpc = account.AddVpc("10.0.0.0/16");
            var subnet = account.AddSubnet(vpc.VpcId, "10.0.1.0/24", Region + "a");
            // What exists before SgLambda's story starts: the cluster's SGs, SgLambda's internal SGs, one node.
            var nodes = account.AddSecurityGroup(vpc.VpcId, "sglambda-demo-nodes", "Worker nodes of EKS cluster sglambda-demo");
            var podDefault = account.AddSecurityGroup(vpc.VpcId, "sglambda-demo-pod-default", "Every pod of EKS cluster sglambda-demo");
            var trust = account.AddSecurityGroup(vpc.VpcId, "sglambda-trust-host-enforcement", "SgLambda: on every VPC member");
            var enforced = account.AddSecurityGroup(vpc.VpcId, "sglambda-has-host-enforcement", "SgLambda: on every cluster node");
            account.AddIngressRules(nodes.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId, Description = "Nodes to each other" }] });
            account.AddIngressRules(podDefault.GroupId, new Core.Aws.IpPermission
            {
                IpProtocol = "-1",
                UserIdGroupPairs =
                [
                    new Core.Aws.UserIdGroupPair { GroupId = podDefault.GroupId, Description = "Pod to pod" },
                    new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId, Description = "From the nodes" },
                ],
            });
            account.AddIngressRules(trust.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = enforced.GroupId }] });
            account.AddIngressRules(enforced.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = trust.GroupId }] });
            var node = account.AddInstance(subnet.SubnetId, [nodes.GroupId, enforced.GroupId], "10.0.1.50", secondaryPrivateIpAddressCount: 3);
            subnetId = subnet.SubnetId;
            nodeEni = node.PrimaryNetworkInterfaceId;
            var config = new SgLambdaConfig
            {
                VpcId = vpc.VpcId,
                ClusterName = "sglambda-demo",
                PodSecurityGroupId = podDefault.GroupId,
                NodeSecurityGroupIds = [nodes.GroupId],
                TrustSecurityGroupId = trust.GroupId,
                EnforcedSecurityGroupId = enforced.GroupId,
            };
            return new SandboxSeed(config, [SandboxWorld.NodeObject(NodeName, $"aws:///{Region}a/{node.InstanceId}")]);
        }, cancellationToken);
        return new DemoWorld(sandbox, subnetId, nodeEni);
    }

    /// <summary>Delivers every event the EC2 emulator emitted to the change handler, as EventBridge would; returns their names.</summary>
    public async Task<IReadOnlyList<string>> DeliverEventsAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var emitted in Aws.Events.Drain())
        {
            names.Add(emitted.EventName);
            await Sandbox.DeliverAsync(emitted);
        }
        return names;
    }

    /// <summary>One scheduled run of the reconciler function.</summary>
    public Task ReconcileAsync() => Sandbox.ReconcileAsync();

    /// <summary>Every Calico object of the cluster (SgLambda's and the user's).</summary>
    public Task<IReadOnlyList<CalicoObject>> CalicoObjectsAsync(CancellationToken cancellationToken) => Sandbox.CalicoObjectsAsync(cancellationToken);

    /// <summary>What <c>explain</c> reads, taken from the emulators: AWS through EC2, the cluster through its API.</summary>
    public Task<ExplainInputs> ExplainInputsAsync(CancellationToken cancellationToken) => Sandbox.ExplainInputsAsync([NodeName], cancellationToken);

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
