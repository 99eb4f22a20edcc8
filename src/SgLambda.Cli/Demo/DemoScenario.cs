using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using SgLambda.Core.NetworkPolicies;

namespace SgLambda.Cli.Demo;

/// <summary>
/// The seed tutorial ("Allow traffic between pod and VPC resource"), step by step: what the user does, and
/// the verdicts that follow. AWS changes go through the real EC2 client, so the emulator emits the
/// EventBridge events the change handler then receives.
/// </summary>
internal static class DemoScenario
{
    /// <summary>The pod's address: a secondary address of the node's ENI, as the VPC CNI assigns it.</summary>
    public const string PodIp = "10.0.1.51";

    public static IReadOnlyList<DemoStep> Steps(DemoIds ids) =>
    [
        new("Create instance-sg, pod-sg (port 80 from instance-sg), ec2-instance in instance-sg, and the pod",
            async (world, token) =>
            {
                var instanceSg = await world.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "instance-sg", Description = "instance-sg: the EC2 instance of the tutorial", VpcId = world.Config.VpcId }, token);
                var podSg = await world.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "pod-sg", Description = "pod-sg: pods that serve HTTP to instance-sg", VpcId = world.Config.VpcId }, token);
                ids.InstanceSecurityGroup = instanceSg.GroupId;
                ids.PodSecurityGroup = podSg.GroupId;
                await world.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
                {
                    GroupId = podSg.GroupId,
                    IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, UserIdGroupPairs = [new UserIdGroupPair { GroupId = instanceSg.GroupId, Description = "HTTP from instance-sg" }] }],
                }, token);
                var run = await world.Ec2.RunInstancesAsync(new RunInstancesRequest
                {
                    ImageId = "ami-0123456789abcdef0",
                    InstanceType = "t3.micro",
                    MinCount = 1,
                    MaxCount = 1,
                    SubnetId = world.SubnetId,
                    SecurityGroupIds = [instanceSg.GroupId],
                    TagSpecifications = [new TagSpecification { ResourceType = "instance", Tags = [new Tag("Name", "ec2-instance")] }],
                }, token);
                ids.Instance = run.Reservation.Instances[0].InstanceId;
                var events = await world.DeliverEventsAsync(token);
                var pod = await DemoCluster.CreatePodAsync(world, PodIp, token);
                return
                [
                    $"aws ec2: instance-sg {instanceSg.GroupId}, pod-sg {podSg.GroupId}, ec2-instance {ids.Instance}",
                    $"EventBridge -> change handler: {string.Join(", ", events)}",
                    pod,
                ];
            },
            [new(Instance, Pod, "80/tcp", ExpectAllowed: false), new(Pod, Instance, "80/tcp", ExpectAllowed: false)]),

        new("Annotate the pod with pod-sg (pod annotation only)",
            async (world, token) => [await DemoCluster.AnnotatePodAsync(world, ids.PodSecurityGroup, token)],
            [new(Instance, Pod, "80/tcp", ExpectAllowed: true), new(Instance, Pod, "8080/tcp", ExpectAllowed: false)]),

        new("Create a default-deny NetworkPolicy in integration-demo",
            async (world, token) => [await DemoCluster.CreateNetworkPolicyAsync(world, DefaultDeny(), token)],
            [new(Instance, Pod, "80/tcp", ExpectAllowed: false)]),

        new("Create NetworkPolicy allow-from-instance: instance-sg's members may reach pod-tester",
            async (world, token) =>
            {
                var created = await DemoCluster.CreateNetworkPolicyAsync(world, AllowFromInstance(ids.InstanceSecurityGroup), token);
                // The reconciler function, on its schedule, writes the policy's SG-aware companion.
                await world.ReconcileAsync();
                return [created, "reconciler function: scheduled run"];
            },
            [new(Instance, Pod, "80/tcp", ExpectAllowed: true), new(Instance, Pod, "8080/tcp", ExpectAllowed: false)]),
    ];

    private const string Pod = DemoWorld.Namespace + "/" + DemoWorld.PodName;
    private const string Instance = "ec2-instance";

    /// <summary>The tutorial's policy: its podSelector names instance-sg, which the annotation makes match HostEndpoints too.</summary>
    private static JsonObject AllowFromInstance(string instanceSecurityGroup) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = new JsonObject
        {
            ["name"] = "allow-from-instance",
            ["namespace"] = DemoWorld.Namespace,
            ["annotations"] = new JsonObject { [CompanionPolicy.MatchSecurityGroupsAnnotation] = "true" },
        },
        ["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = DemoWorld.PodName } },
            ["ingress"] = new JsonArray(new JsonObject
            {
                ["from"] = new JsonArray(new JsonObject
                {
                    ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [Core.Calico.LabelKeys.SecurityGroup(instanceSecurityGroup)] = "" } },
                }),
            }),
            ["policyTypes"] = new JsonArray("Ingress"),
        },
    };

    private static JsonObject DefaultDeny() => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = new JsonObject { ["name"] = "default-deny", ["namespace"] = DemoWorld.Namespace },
        ["spec"] = new JsonObject { ["podSelector"] = new JsonObject(), ["policyTypes"] = new JsonArray("Ingress") },
    };
}
