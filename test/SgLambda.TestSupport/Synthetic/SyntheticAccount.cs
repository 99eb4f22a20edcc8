using System.Globalization;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// A deterministic, realistic large AWS account for benchmarks and demos: one VPC with an EKS cluster,
/// thousands of SGs with rules of every shape, and ENIs of every kind SgLambda meets. The same arguments
/// always give the same snapshot (a seeded <see cref="Random"/>, whose seeded sequence .NET keeps stable).
/// </summary>
public static class SyntheticAccount
{
    /// <summary>The five cluster SGs (trust, enforced, pod-default, nodes, control plane) and one user SG.</summary>
    public const int MinimumSecurityGroups = 6;
    /// <summary>A cluster node's primary ENI and one VPC member.</summary>
    public const int MinimumNetworkInterfaces = 2;

    public const string ClusterName = "synthetic";
    /// <summary>The AWS documentation's example account.</summary>
    public const string OwnerId = "111122223333";
    private const string PeerOwnerId = "444455556666";

    private static readonly string[] Teams = ["payments", "search", "platform", "data", "identity", "growth", "ml", "checkout", "media", "risk"];
    private static readonly string[] Roles = ["web", "api", "worker", "db", "cache", "queue", "lb", "batch", "admin", "endpoint"];

    /// <summary>
    /// Exactly <paramref name="securityGroups"/> SGs (a few of them in a neighbouring VPC once there are 50 or
    /// more) and exactly <paramref name="networkInterfaces"/> ENIs, with the prefix lists, Nodes and
    /// DescribeSecurityGroupRules output (an id for every rule) and RDS instances that go with them, and the SgLambda
    /// configuration of the cluster.
    /// </summary>
    public static (AwsSnapshot Snapshot, SgLambdaConfig Config) Generate(int securityGroups, int networkInterfaces, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(securityGroups, MinimumSecurityGroups);
        ArgumentOutOfRangeException.ThrowIfLessThan(networkInterfaces, MinimumNetworkInterfaces);
        var random = new Random(seed);
        var ids = new SyntheticIds(random);
        var account = new SyntheticAccountIdentity(OwnerId, ids.Next("vpc"), ids.Next("vpc"), ClusterName);
        var cluster = new SyntheticClusterGroups(ids.Next("sg"), ids.Next("sg"), ids.Next("sg"), ids.Next("sg"), ids.Next("sg"));

        var otherVpcCount = securityGroups >= 50 ? Math.Max(1, securityGroups / 100) : 0;
        var userCount = securityGroups - 5 - otherVpcCount;
        var userGroups = Enumerable.Range(0, userCount).Select(_ => ids.Next("sg")).ToList();
        var otherVpcGroups = Enumerable.Range(0, otherVpcCount).Select(_ => ids.Next("sg")).ToList();
        var peeringConnection = ids.Next("pcx");
        var peerVpc = ids.Next("vpc");
        var peeredGroups = Enumerable.Range(0, 3)
            .Select(_ => new SyntheticPeer(SyntheticPeerKind.SecurityGroup, ids.Next("sg"), PeerOwnerId, peerVpc, peeringConnection))
            .ToList();
        var prefixLists = SyntheticPrefixLists.Generate(random, ids, 2 + (userCount / 200));

        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [cluster.Trust] = "sglambda-trust-host-enforcement",
            [cluster.Enforced] = "sglambda-has-host-enforcement",
            [cluster.PodDefault] = ClusterName + "-pod-default",
            [cluster.Node] = ClusterName + "-nodegroup",
            [cluster.ControlPlane] = "eks-cluster-sg-" + ClusterName + "-" + ids.Hex(10),
        };
        for (var i = 0; i < userGroups.Count; i++) names[userGroups[i]] = UserGroupName(random, "app", i);
        for (var i = 0; i < otherVpcGroups.Count; i++) names[otherVpcGroups[i]] = UserGroupName(random, "shared", i);

        var rules = new SyntheticRuleGenerator(random, OwnerId, prefixLists, peeredGroups);
        var ruleIds = new List<SecurityGroupRule>();
        var groups = new List<SecurityGroup>();
        void Add(string groupId, string vpcId, string description, List<SyntheticRule> groupRules) =>
            groups.Add(SyntheticSecurityGroupAssembler.Assemble(
                new SecurityGroup
                {
                    GroupId = groupId,
                    GroupName = names[groupId],
                    Description = description,
                    VpcId = vpcId,
                    OwnerId = OwnerId,
                    Tags = [new Tag { Key = "Name", Value = names[groupId] }],
                },
                groupRules, ids, ruleIds));

        Add(cluster.Trust, account.VpcId, "SgLambda: VPC members trusted by Calico-enforced endpoints", rules.InternalRules(cluster.Enforced));
        Add(cluster.Enforced, account.VpcId, "SgLambda: cluster nodes whose traffic Calico enforces", rules.InternalRules(cluster.Trust));
        Add(cluster.PodDefault, account.VpcId, "Default SG of every pod", rules.PodDefaultRules(cluster));
        Add(cluster.Node, account.VpcId, "EKS node group", rules.NodeRules(cluster));
        Add(cluster.ControlPlane, account.VpcId, "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes", rules.ControlPlaneRules(cluster));
        string[] clusterPeers = [cluster.PodDefault, cluster.Node];
        for (var i = 0; i < userGroups.Count; i++)
            Add(userGroups[i], account.VpcId, "Managed by Terraform", rules.UserRules(userGroups, i, clusterPeers, namesS3: i == 0));
        for (var i = 0; i < otherVpcGroups.Count; i++)
            Add(otherVpcGroups[i], account.OtherVpcId, "Shared services", rules.UserRules(otherVpcGroups, i, [], namesS3: false));

        var interfaces = new SyntheticNetworkInterfaceGenerator(
            random, ids, new SyntheticAddressPool(ids), account, cluster, userGroups, otherVpcGroups, names);
        interfaces.Generate(networkInterfaces);

        var snapshot = new AwsSnapshot
        {
            SecurityGroups = groups,
            NetworkInterfaces = interfaces.Interfaces,
            Vpcs =
            [
                new Vpc { VpcId = account.VpcId, CidrBlock = SyntheticAddressPool.VpcCidr },
                new Vpc { VpcId = account.OtherVpcId, CidrBlock = "10.200.0.0/16" },
            ],
            PrefixLists = prefixLists,
            Nodes = interfaces.Nodes,
            DbInstances = interfaces.DbInstances,
            SecurityGroupRules = ruleIds,
        };
        var config = new SgLambdaConfig
        {
            VpcId = account.VpcId,
            ClusterName = ClusterName,
            PodSecurityGroupId = cluster.PodDefault,
            NodeSecurityGroupIds = [cluster.Node, cluster.ControlPlane],
            TrustSecurityGroupId = cluster.Trust,
            EnforcedSecurityGroupId = cluster.Enforced,
            AccountId = OwnerId,
            Region = SyntheticAddressPool.Region,
        };
        return (snapshot, config);
    }

    private static string UserGroupName(Random random, string prefix, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{random.Pick(Teams)}-{random.Pick(Roles)}-{index:D4}");
}
