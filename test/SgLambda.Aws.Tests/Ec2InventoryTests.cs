using System.Collections.Immutable;
using SgLambda.Aws.Tests.Support;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using Model = SgLambda.Core.Aws;

namespace SgLambda.Aws.Tests;

/// <summary>What the inventory asks EC2 and RDS (the real SDK client over a stub handler) and what it makes of the answers.</summary>
public class Ec2InventoryTests
{
    private const string VpcId = "vpc-0a1b2c3d";
    private static readonly SgLambdaConfig Config = new() { VpcId = VpcId };

    private static ImmutableSortedSet<string> Ids(params string[] ids) => ImmutableSortedSet.Create(StringComparer.Ordinal, ids);

    private static List<(string Action, IReadOnlyDictionary<string, string[]> Filters)> Calls(StubHttpHandler handler) =>
        [.. handler.Requests.Select(r => (r.Action, Ec2Stub.Filters(r)))];

    [Test]
    public async Task Nothing_affected_costs_no_call()
    {
        var handler = Ec2Stub.FixtureHandler();
        var rds = new FakeRds();
        using var ec2 = Ec2Stub.Client(handler);

        var slice = await new Ec2Inventory(ec2, rds, Config).ReadAsync(AffectedResources.None, CancellationToken.None);

        Assert.That(handler.Requests, Is.Empty);
        Assert.That(rds.Describes, Is.Empty);
        Assert.That(SnapshotJson.Normalized(slice), Is.EqualTo(SnapshotJson.Normalized(new Model.AwsSnapshot())));
    }

    [Test]
    public async Task Named_resources_are_read_with_filters_in_the_vpc_and_what_they_name_follows()
    {
        var handler = Ec2Stub.FixtureHandler("DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeManagedPrefixLists");
        using var ec2 = Ec2Stub.Client(handler);
        var affected = new AffectedResources
        {
            SecurityGroups = Ids("sg-0web"),
            NetworkInterfaces = Ids("eni-0node"),
            NetworkInterfaceAttachments = Ids("eni-attach-0x"),
            Instances = Ids("i-0named"),
            PrefixLists = Ids("pl-0named"),
        };

        await new Ec2Inventory(ec2, null, Config).ReadAsync(affected, CancellationToken.None);

        var calls = Calls(handler).Select(c => (c.Action, string.Join(" ", c.Filters.Select(f => $"{f.Key}={string.Join(",", f.Value)}")))).ToList();
        Assert.That(calls, Is.EquivalentTo(new[]
        {
            ("DescribeSecurityGroups", $"group-id=sg-0web vpc-id={VpcId}"),
            ("DescribeNetworkInterfaces", $"network-interface-id=eni-0node vpc-id={VpcId}"),
            ("DescribeNetworkInterfaces", $"attachment.attachment-id=eni-attach-0x vpc-id={VpcId}"),
            // Instances and attachments are named: a termination or detach frees ENIs no event names.
            ("DescribeNetworkInterfaces", $"status=available vpc-id={VpcId}"),
            // The instances named and the instance of each ENI found (the fixture's eni-0node is on i-0node).
            ("DescribeNetworkInterfaces", $"attachment.instance-id=i-0named,i-0node vpc-id={VpcId}"),
            ("DescribeSecurityGroupRules", "group-id=sg-0web"),
            // Named, and referenced by sg-0web's rules.
            ("DescribeManagedPrefixLists", "prefix-list-id=pl-0named,pl-0s3"),
            ("GetManagedPrefixListEntries", ""),
        }));
        Assert.That(handler.Requests.Single(r => r.Action == "GetManagedPrefixListEntries").Param("PrefixListId"), Is.EqualTo("pl-0s3"));
    }

    [Test]
    public async Task Db_resources_read_the_vpc_rds_enis_and_the_instances_named_across_pages()
    {
        var handler = Ec2Stub.FixtureHandler("DescribeNetworkInterfaces");
        using var ec2 = Ec2Stub.Client(handler);
        var rds = new FakeRds(
            FakeRds.Instance("db-a", VpcId, null, "sg-0db"),
            FakeRds.Instance("aurora-1", VpcId, "aurora", "sg-0db"),
            FakeRds.Instance("aurora-2", VpcId, "aurora", "sg-0db"),
            FakeRds.Instance("aurora-3", VpcId, "aurora", "sg-0db"),
            FakeRds.Instance("db-elsewhere", "vpc-other", null, "sg-0x"));

        var slice = await new Ec2Inventory(ec2, rds, Config).ReadAsync(
            new AffectedResources { DbInstances = Ids("db-a", "db-elsewhere"), DbClusters = Ids("aurora") }, CancellationToken.None);

        var eniFilters = Calls(handler).Where(c => c.Action == "DescribeNetworkInterfaces").Select(c => c.Filters).ToList();
        Assert.That(eniFilters.Select(f => f.Keys.Single(k => k != "vpc-id")), Is.EquivalentTo(new[]
        {
            "requester-id", "attachment.instance-owner-id", "description",
        }), "RDS ENIs have no instance: no instance call follows");
        Assert.That(eniFilters.All(f => f["vpc-id"].SequenceEqual([VpcId])), Is.True);
        // The fixture answers every ENI call with both ENIs; only the RDS one is kept.
        Assert.That(slice.NetworkInterfaces.Select(e => e.NetworkInterfaceId), Is.EquivalentTo(new[] { "eni-0rds" }));
        Assert.That(slice.DbInstances.Select(d => d.DBInstanceIdentifier), Is.EquivalentTo(new[] { "db-a", "aurora-1", "aurora-2", "aurora-3" }),
            "instances named or in the clusters named, in the VPC, every page");
        Assert.That(rds.Describes.Select(d => d.Marker), Is.EqualTo(new string?[] { null, null, "2" }), "the cluster's second page was read");
    }

    [Test]
    public async Task Long_id_lists_are_split_into_filters_of_at_most_200_values()
    {
        var handler = Ec2Stub.FixtureHandler();
        using var ec2 = Ec2Stub.Client(handler);
        var groups = Enumerable.Range(0, 450).Select(i => $"sg-{i:D5}").ToArray();

        await new Ec2Inventory(ec2, null, Config).ReadAsync(new AffectedResources { SecurityGroups = Ids(groups) }, CancellationToken.None);

        var calls = Calls(handler).Where(c => c.Action == "DescribeSecurityGroups").ToList();
        Assert.That(calls.Select(c => c.Filters["group-id"].Length), Is.EqualTo(new[] { 200, 200, 50 }));
        Assert.That(calls.SelectMany(c => c.Filters["group-id"]), Is.EquivalentTo(groups));
    }

    [Test]
    public async Task Read_all_maps_every_shape_from_the_wire()
    {
        var handler = Ec2Stub.FixtureHandler(
            "DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeSecurityGroupRules", "DescribeManagedPrefixLists",
            "GetManagedPrefixListEntries", "DescribeVpcs");
        using var ec2 = Ec2Stub.Client(handler);
        var rds = new FakeRds(FakeRds.Instance("db-a", VpcId, null, "sg-0db"), FakeRds.Instance("db-b", "vpc-other"));

        var all = await new Ec2Inventory(ec2, rds, Config).ReadAllAsync(CancellationToken.None);

        Assert.That(SnapshotJson.Normalized(all), Is.EqualTo(SnapshotJson.Normalized(ExpectedFromFixtures())));
        var filters = Calls(handler).ToDictionary(c => c.Action, c => c.Filters);
        Assert.That(filters["DescribeSecurityGroups"]["vpc-id"], Is.EqualTo(new[] { VpcId }));
        Assert.That(filters["DescribeNetworkInterfaces"]["vpc-id"], Is.EqualTo(new[] { VpcId }));
        Assert.That(filters["DescribeVpcs"]["vpc-id"], Is.EqualTo(new[] { VpcId }));
        Assert.That(filters["DescribeSecurityGroupRules"]["group-id"], Is.EqualTo(new[] { "sg-0web" }));
        Assert.That(filters["DescribeManagedPrefixLists"], Is.Empty, "every prefix list the account sees");
    }

    [Test]
    public async Task A_prefix_list_deleted_between_describe_and_entries_is_absent()
    {
        var handler = new StubHttpHandler(r => r.Action switch
        {
            "DescribeSecurityGroups" or "DescribeManagedPrefixLists" => StubHttpHandler.Xml(Fixture.Read($"Ec2/{r.Action}.xml")),
            "GetManagedPrefixListEntries" => StubHttpHandler.Xml(
                "<Response><Errors><Error><Code>InvalidPrefixListID.NotFound</Code><Message>gone</Message></Error></Errors><RequestID>r</RequestID></Response>",
                System.Net.HttpStatusCode.BadRequest),
            _ => Ec2Stub.Empty(r.Action),
        });
        using var ec2 = Ec2Stub.Client(handler);

        var slice = await new Ec2Inventory(ec2, null, Config).ReadAsync(new AffectedResources { SecurityGroups = Ids("sg-0web") }, CancellationToken.None);

        Assert.That(slice.SecurityGroups, Has.Count.EqualTo(1));
        Assert.That(slice.PrefixLists, Is.Empty);
    }

    [Test]
    public async Task Other_errors_are_not_swallowed()
    {
        var handler = new StubHttpHandler(_ => Ec2Stub.Error("UnauthorizedOperation"));
        using var ec2 = Ec2Stub.Client(handler);

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() =>
            new Ec2Inventory(ec2, null, Config).ReadAsync(new AffectedResources { SecurityGroups = Ids("sg-1") }, CancellationToken.None));

        Assert.That(error, Is.Not.Null);
    }

    /// <summary>What the fixtures say, in the core's records.</summary>
    private static Model.AwsSnapshot ExpectedFromFixtures() => new()
    {
        SecurityGroups =
        [
            new Model.SecurityGroup
            {
                GroupId = "sg-0web", GroupName = "web", Description = "Web tier", VpcId = VpcId, OwnerId = "111122223333",
                IpPermissions =
                [
                    new Model.IpPermission
                    {
                        IpProtocol = "tcp", FromPort = 443, ToPort = 443,
                        UserIdGroupPairs =
                        [
                            new Model.UserIdGroupPair { GroupId = "sg-0app", GroupName = "app", UserId = "111122223333", Description = "from the app tier" },
                            new Model.UserIdGroupPair { GroupId = "sg-0peer", UserId = "444455556666", VpcId = "vpc-0peer", VpcPeeringConnectionId = "pcx-0123", PeeringStatus = "active" },
                        ],
                        IpRanges = [new Model.IpRange { CidrIp = "10.0.0.0/8", Description = "corp" }],
                        Ipv6Ranges = [new Model.Ipv6Range { CidrIpv6 = "2001:db8::/32", Description = "corp v6" }],
                        PrefixListIds = [new Model.PrefixListId { Id = "pl-0s3", Description = "s3" }],
                    },
                    new Model.IpPermission { IpProtocol = "icmp", FromPort = 8, ToPort = -1, IpRanges = [new Model.IpRange { CidrIp = "0.0.0.0/0" }] },
                ],
                IpPermissionsEgress = [new Model.IpPermission { IpProtocol = "-1", IpRanges = [new Model.IpRange { CidrIp = "0.0.0.0/0" }] }],
                Tags = [new Model.Tag { Key = "Name", Value = "web" }],
            },
        ],
        SecurityGroupRules =
        [
            new Model.SecurityGroupRule
            {
                SecurityGroupRuleId = "sgr-0ingressapp", GroupId = "sg-0web", IsEgress = false, IpProtocol = "tcp", FromPort = 443, ToPort = 443,
                ReferencedGroupInfo = new Model.ReferencedSecurityGroup { GroupId = "sg-0app", UserId = "111122223333" }, Description = "from the app tier",
            },
            new Model.SecurityGroupRule { SecurityGroupRuleId = "sgr-0egressall", GroupId = "sg-0web", IsEgress = true, IpProtocol = "-1", FromPort = -1, ToPort = -1, CidrIpv4 = "0.0.0.0/0" },
            new Model.SecurityGroupRule { SecurityGroupRuleId = "sgr-0s3", GroupId = "sg-0web", IsEgress = false, IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListId = "pl-0s3" },
        ],
        NetworkInterfaces =
        [
            new Model.NetworkInterface
            {
                NetworkInterfaceId = "eni-0node", VpcId = VpcId, SubnetId = "subnet-0a", AvailabilityZone = "eu-west-1a", InterfaceType = "interface",
                Description = "Primary network interface", Status = "in-use", RequesterId = "AIDAEXAMPLE", RequesterManaged = false,
                PrivateDnsName = "ip-10-0-1-10.eu-west-1.compute.internal", PrivateIpAddress = "10.0.1.10",
                Groups = [new Model.GroupIdentifier { GroupId = "sg-0web", GroupName = "web" }, new Model.GroupIdentifier { GroupId = "sg-0enforced", GroupName = "enforced" }],
                PrivateIpAddresses =
                [
                    new Model.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.1.10", Primary = true, PrivateDnsName = "ip-10-0-1-10.eu-west-1.compute.internal" },
                    new Model.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.1.11", Primary = false, PrivateDnsName = "ip-10-0-1-11.eu-west-1.compute.internal" },
                ],
                Ipv6Addresses =
                [
                    new Model.NetworkInterfaceIpv6Address { Ipv6Address = "2001:db8::10", IsPrimaryIpv6 = true },
                    new Model.NetworkInterfaceIpv6Address { Ipv6Address = "2001:db8::11", IsPrimaryIpv6 = false },
                ],
                Ipv6Address = "2001:db8::10",
                Attachment = new Model.NetworkInterfaceAttachment
                {
                    AttachmentId = "eni-attach-0node", InstanceId = "i-0node", InstanceOwnerId = "111122223333", DeviceIndex = 0, NetworkCardIndex = 0, Status = "attached",
                },
                TagSet = [new Model.Tag { Key = "team", Value = "platform" }],
            },
            new Model.NetworkInterface
            {
                NetworkInterfaceId = "eni-0rds", VpcId = VpcId, SubnetId = "subnet-0b", AvailabilityZone = "eu-west-1b", InterfaceType = "interface",
                Description = "RDSNetworkInterface", Status = "in-use", RequesterId = "amazon-rds", RequesterManaged = true, PrivateIpAddress = "10.0.2.20",
                Groups = [new Model.GroupIdentifier { GroupId = "sg-0db", GroupName = "db" }],
                PrivateIpAddresses = [new Model.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.2.20", Primary = true }],
            },
        ],
        Vpcs = [new Model.Vpc { VpcId = VpcId, CidrBlock = "10.0.0.0/16" }],
        PrefixLists =
        [
            new Model.ManagedPrefixList
            {
                PrefixListId = "pl-0s3", PrefixListName = "com.amazonaws.eu-west-1.s3",
                Entries = [new Model.PrefixListEntry { Cidr = "52.218.0.0/17" }, new Model.PrefixListEntry { Cidr = "3.5.64.0/21", Description = "s3 range" }],
            },
        ],
        DbInstances = [new Model.DbInstance { DBInstanceIdentifier = "db-a", DBInstanceStatus = "available", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"] }],
    };
}
