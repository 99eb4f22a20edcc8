using SgLambda.Core.Configuration;
using SgLambda.Core.Input;

namespace SgLambda.Core.Tests.Input;

/// <summary>Realistic AWS CLI and kubectl output parses, keeping what the translation needs and ignoring the rest.</summary>
public sealed class InputParserTests
{
    [Test]
    public void Security_groups_keep_every_kind_of_peer_and_ignore_unknown_fields()
    {
        var groups = InputParser.ParseSecurityGroups(Fixtures.Read("describe-security-groups.json"));

        Assert.That(groups.Select(g => g.GroupId), Is.EqualTo(new[] { "sg-0123456789abcdef0", "sg-0fedcba9876543210" }));
        var web = groups[0];
        Assert.That(web.GroupName, Is.EqualTo("web"));
        Assert.That(web.VpcId, Is.EqualTo("vpc-0a1b2c3d4e5f60718"));
        Assert.That(web.OwnerId, Is.EqualTo("111122223333"));
        Assert.That(web.Tags.Single().Value, Is.EqualTo("web"));

        var https = web.IpPermissions[0];
        Assert.That((https.IpProtocol, https.FromPort, https.ToPort), Is.EqualTo(("tcp", (int?)443, (int?)443)));
        Assert.That(https.IpRanges.Single().CidrIp, Is.EqualTo("0.0.0.0/0"));
        Assert.That(https.IpRanges.Single().Description, Is.EqualTo("HTTPS from anywhere"));
        Assert.That(https.Ipv6Ranges.Single().CidrIpv6, Is.EqualTo("::/0"));

        var ping = web.IpPermissions[1];
        Assert.That((ping.IpProtocol, ping.FromPort, ping.ToPort), Is.EqualTo(("icmp", (int?)8, (int?)-1)));
        Assert.That(ping.PrefixListIds.Single().Id, Is.EqualTo("pl-0a1b2c3d4e5f60718"));
        Assert.That(ping.PrefixListIds.Single().Description, Is.EqualTo("monitoring"));

        var ipsec = web.IpPermissions[2];
        Assert.That((ipsec.IpProtocol, ipsec.FromPort, ipsec.ToPort), Is.EqualTo(("50", (int?)null, (int?)null)));
        var peer = ipsec.UserIdGroupPairs.Single();
        Assert.That((peer.GroupId, peer.UserId, peer.VpcId, peer.VpcPeeringConnectionId, peer.PeeringStatus),
            Is.EqualTo(("sg-0f0e0d0c0b0a09080", "444455556666", "vpc-0ffeeddccbbaa9988", "pcx-0a1b2c3d4e5f60718", "active")));

        Assert.That(web.IpPermissionsEgress.Single().IpProtocol, Is.EqualTo("-1"));
        Assert.That(groups[1].IpPermissionsEgress, Is.Empty);
        Assert.That(groups[1].Tags, Is.Empty);
        Assert.That(groups[1].IpPermissions.Single().UserIdGroupPairs.Single().GroupId, Is.EqualTo("sg-0123456789abcdef0"));
    }

    [Test]
    public void Fields_left_out_keep_the_record_defaults_and_null_is_kept_where_allowed()
    {
        var group = InputParser.ParseSecurityGroups(new InputFile("sgs.json",
            """{"SecurityGroups": [{"GroupId": "sg-1", "Description": null, "IpPermissions": [{"IpProtocol": "-1"}]}]}""")).Single();

        Assert.That(group.Description, Is.Null);
        Assert.That(group.IpPermissionsEgress, Is.Not.Null.And.Empty);
        Assert.That(group.Tags, Is.Not.Null.And.Empty);
        var permission = group.IpPermissions.Single();
        Assert.That(permission.FromPort, Is.Null);
        Assert.That(permission.IpRanges, Is.Not.Null.And.Empty);
        Assert.That(permission.Ipv6Ranges, Is.Not.Null.And.Empty);
        Assert.That(permission.PrefixListIds, Is.Not.Null.And.Empty);
        Assert.That(permission.UserIdGroupPairs, Is.Not.Null.And.Empty);
    }

    [Test]
    public void Network_interfaces_keep_addresses_groups_and_attachment()
    {
        var enis = InputParser.ParseNetworkInterfaces(Fixtures.Read("describe-network-interfaces.json"));

        Assert.That(enis, Has.Count.EqualTo(2));
        var web = enis[0];
        Assert.That(web.NetworkInterfaceId, Is.EqualTo("eni-0e5aa89a3a1b2c3d4"));
        Assert.That((web.VpcId, web.SubnetId, web.AvailabilityZone, web.InterfaceType, web.Status),
            Is.EqualTo(("vpc-0a1b2c3d4e5f60718", "subnet-0b61f49f0a1b2c3d4", "us-west-2a", "interface", "in-use")));
        Assert.That(web.PrivateIpAddress, Is.EqualTo("10.0.1.17"));
        Assert.That(web.PrivateIpAddresses.Select(a => (a.PrivateIpAddress, a.Primary)),
            Is.EqualTo(new[] { ("10.0.1.17", true), ("10.0.1.18", false) }));
        Assert.That(web.Ipv6Addresses.Select(a => (a.Ipv6Address, a.IsPrimaryIpv6)),
            Is.EqualTo(new[] { ("2600:1f14:abc:de00::10", (bool?)true), ("2600:1f14:abc:de00::11", (bool?)false) }));
        Assert.That(web.Groups.Select(g => (g.GroupId, g.GroupName)), Is.EqualTo(new[] { ("sg-0123456789abcdef0", (string?)"web") }));
        Assert.That(web.Attachment, Is.Not.Null);
        Assert.That((web.Attachment!.InstanceId, web.Attachment.DeviceIndex, web.Attachment.NetworkCardIndex, web.Attachment.Status),
            Is.EqualTo(("i-0598c7d356eba48d7", (int?)0, (int?)0, "attached")));
        Assert.That(web.TagSet.Single().Key, Is.EqualTo("Name"));

        var lambda = enis[1];
        Assert.That((lambda.InterfaceType, lambda.RequesterManaged, lambda.RequesterId),
            Is.EqualTo(("lambda", (bool?)true, "AROAEXAMPLEROLEID1234:0f1e2d3c4b5a69788")));
        Assert.That(lambda.Description, Does.StartWith("AWS Lambda VPC ENI-orders"));
        Assert.That(lambda.Attachment, Is.Null);
        Assert.That(lambda.Ipv6Addresses, Is.Empty);
    }

    [Test]
    public void Vpcs_keep_their_primary_cidr()
    {
        var vpcs = InputParser.ParseVpcs(Fixtures.Read("describe-vpcs.json"));

        Assert.That(vpcs.Select(v => (v.VpcId, v.CidrBlock)),
            Is.EqualTo(new[] { ("vpc-0a1b2c3d4e5f60718", (string?)"10.0.0.0/16"), ("vpc-0ffeeddccbbaa9988", "172.31.0.0/16") }));
    }

    [Test]
    public void Security_group_rules_keep_ids_directions_and_each_kind_of_peer()
    {
        var rules = InputParser.ParseSecurityGroupRules(Fixtures.Read("describe-security-group-rules.json"));

        Assert.That(rules.Select(r => (r.SecurityGroupRuleId, r.GroupId, r.IsEgress, r.IpProtocol, r.FromPort, r.ToPort)), Is.EqualTo(new[]
        {
            ("sgr-0abcdef0123456789", "sg-0123456789abcdef0", false, "tcp", (int?)443, (int?)443),
            ("sgr-0bcdef01234567890", "sg-0123456789abcdef0", true, "-1", -1, -1),
            ("sgr-0cdef01234567890a", "sg-0123456789abcdef0", false, "icmp", 8, -1),
            ("sgr-0def01234567890ab", "sg-0123456789abcdef0", false, "50", -1, -1),
        }));
        Assert.That(rules[0].CidrIpv4, Is.EqualTo("0.0.0.0/0"));
        Assert.That(rules[0].Description, Is.EqualTo("HTTPS from anywhere"));
        Assert.That(rules[1].CidrIpv6, Is.EqualTo("::/0"));
        Assert.That(rules[1].Description, Is.Null);
        Assert.That(rules[2].PrefixListId, Is.EqualTo("pl-0a1b2c3d4e5f60718"));
        Assert.That(rules[3].ReferencedGroupInfo?.GroupId, Is.EqualTo("sg-0f0e0d0c0b0a09080"));
        Assert.That(rules[3].ReferencedGroupInfo?.VpcPeeringConnectionId, Is.EqualTo("pcx-0a1b2c3d4e5f60718"));
    }

    [Test]
    public void Prefix_lists_keep_their_entries()
    {
        var lists = InputParser.ParsePrefixLists(Fixtures.Read("prefix-lists.json"));

        Assert.That(lists.Select(l => (l.PrefixListId, l.PrefixListName)),
            Is.EqualTo(new[] { ("pl-0a1b2c3d4e5f60718", (string?)"monitoring"), ("pl-02cd2c6b", "com.amazonaws.us-west-2.s3") }));
        Assert.That(lists[0].Entries.Select(e => e.Cidr), Is.EqualTo(new[] { "192.0.2.0/24", "198.51.100.16/28" }));
        Assert.That(lists[1].Entries, Is.Empty);
    }

    [Test]
    public void Nodes_take_the_instance_id_from_an_EC2_provider_id_only()
    {
        var nodes = InputParser.ParseNodes(Fixtures.Read("kubectl-get-nodes.json"));

        Assert.That(nodes.Select(n => (n.Name, n.InstanceId)), Is.EqualTo(new[]
        {
            ("ip-10-0-1-50.us-west-2.compute.internal", (string?)"i-0f1e2d3c4b5a69788"),
            ("fargate-ip-10-0-2-33.us-west-2.compute.internal", null),
            ("kind-control-plane", null),
        }));
    }

    [TestCase("aws:///us-west-2a/i-0f1e2d3c4b5a69788", "i-0f1e2d3c4b5a69788")]
    [TestCase("aws:///us-east-1b/i-1234abcd", "i-1234abcd")]
    [TestCase("aws:///us-west-2b/4f2e1d0c9b/fargate-ip-10-0-2-33.us-west-2.compute.internal", null)]
    [TestCase("gce://project/us-central1-a/node-1", null)]
    [TestCase("kind://docker/kind/kind-control-plane", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void Instance_id_of_a_provider_id(string? providerId, string? instanceId) =>
        Assert.That(InputParser.InstanceIdOf(providerId), Is.EqualTo(instanceId));

    [Test]
    public void A_full_config_sets_every_field()
    {
        var config = InputParser.ParseConfig(Fixtures.Read("config.json"));

        Assert.That(config.VpcId, Is.EqualTo("vpc-0a1b2c3d4e5f60718"));
        Assert.That(config.ClusterName, Is.EqualTo("production"));
        Assert.That(config.PodSecurityGroupId, Is.EqualTo("sg-0e7a3c9d5f1b46803"));
        Assert.That(config.NodeSecurityGroupIds, Is.EqualTo(new[] { "sg-0c5e1a7b3d9f24681", "sg-0c5e1a7b3d9f24682" }));
        Assert.That(config.TrustSecurityGroupId, Is.EqualTo("sg-0f8b4d0e6a2c57914"));
        Assert.That(config.EnforcedSecurityGroupId, Is.EqualTo("sg-0a9c5e1f7b3d68025"));
        Assert.That(config.DefaultPodMetadataAccess, Is.EqualTo(MetadataAccess.Allowed));
        Assert.That(config.EnforceNodes, Is.False);
        Assert.That(config.MemberNodeName, Is.EqualTo("vpc-members"));
        Assert.That(config.CalicoApiGroup, Is.EqualTo(CalicoApiGroups.CrdProjectCalicoV1));
    }

    [Test]
    public void A_config_with_only_the_vpc_keeps_the_documented_defaults()
    {
        var config = InputParser.ParseConfig(new InputFile("config.json", """{"vpcId": "vpc-0a1b2c3d4e5f60718"}"""));

        Assert.That(config, Is.EqualTo(new SgLambdaConfig { VpcId = "vpc-0a1b2c3d4e5f60718", NodeSecurityGroupIds = config.NodeSecurityGroupIds, ExemptNamespaces = config.ExemptNamespaces }));
        Assert.That(config.NodeSecurityGroupIds, Is.Empty);
        Assert.That(config.ExemptNamespaces, Is.EqualTo(new[] { "kube-system", "calico-system", "calico-apiserver", "tigera-operator" }));
        Assert.That(config.DefaultPodMetadataAccess, Is.EqualTo(MetadataAccess.Denied));
        Assert.That(config.EnforceNodes, Is.True);
        Assert.That(config.MemberNodeName, Is.EqualTo("sglambda-vpc-members"));
        Assert.That(config.CalicoApiGroup, Is.EqualTo(CalicoApiGroups.ProjectCalicoV3));
    }

    [Test]
    public void Optional_files_left_out_leave_their_part_of_the_snapshot_empty()
    {
        var input = InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = Fixtures.Read("describe-security-groups.json"),
            NetworkInterfaces = Fixtures.Read("describe-network-interfaces.json"),
            Config = Fixtures.Read("config.json"),
        });

        Assert.That(input.Snapshot.SecurityGroups, Has.Count.EqualTo(2));
        Assert.That(input.Snapshot.NetworkInterfaces, Has.Count.EqualTo(2));
        Assert.That(input.Snapshot.Vpcs, Is.Empty);
        Assert.That(input.Snapshot.PrefixLists, Is.Empty);
        Assert.That(input.Snapshot.Nodes, Is.Empty);
        Assert.That(input.Snapshot.SecurityGroupRules, Is.Empty);
        Assert.That(input.Config.ClusterName, Is.EqualTo("production"));
    }

    [Test]
    public void Every_file_given_lands_in_the_snapshot()
    {
        var input = InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = Fixtures.Read("describe-security-groups.json"),
            NetworkInterfaces = Fixtures.Read("describe-network-interfaces.json"),
            Vpcs = Fixtures.Read("describe-vpcs.json"),
            PrefixLists = Fixtures.Read("prefix-lists.json"),
            Nodes = Fixtures.Read("kubectl-get-nodes.json"),
            SecurityGroupRules = Fixtures.Read("describe-security-group-rules.json"),
            Config = Fixtures.Read("config.json"),
        });

        Assert.That(input.Snapshot.Vpcs, Has.Count.EqualTo(2));
        Assert.That(input.Snapshot.PrefixLists, Has.Count.EqualTo(2));
        Assert.That(input.Snapshot.Nodes, Has.Count.EqualTo(3));
        Assert.That(input.Snapshot.SecurityGroupRules, Has.Count.EqualTo(4));
    }
}
