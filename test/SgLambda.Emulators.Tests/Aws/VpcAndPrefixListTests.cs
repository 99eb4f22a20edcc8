using Amazon.EC2.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>DescribeVpcs and managed prefix lists through the real AWSSDK.EC2 client.</summary>
public sealed class VpcAndPrefixListTests : EmulatorTestBase
{
    [Test]
    public async Task DescribeVpcs_shows_the_primary_cidr()
    {
        var vpc = (await Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [Vpc.VpcId] })).Vpcs.Single();

        Assert.That(vpc.VpcId, Does.Match("^vpc-[0-9a-f]{17}$"));
        Assert.That(vpc.CidrBlock, Is.EqualTo("10.0.0.0/16"));
        Assert.That(vpc.CidrBlockAssociationSet.Single().CidrBlockState.State.Value, Is.EqualTo("associated"));
        Assert.That(vpc.State.Value, Is.EqualTo("available"));
    }

    [Test]
    public async Task A_missing_vpc_is_InvalidVpcID_NotFound()
    {
        var error = await Ec2Error(() => Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidVpcID.NotFound"));
    }

    [Test]
    public async Task A_prefix_list_is_created_modified_to_a_new_version_and_read_at_each_version()
    {
        var created = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "partners", AddressFamily = "IPv4", MaxEntries = 10,
            Entries = [new AddPrefixListEntry { Cidr = "192.0.2.0/24", Description = "partner a" }],
        })).PrefixList;
        Assert.That(created.PrefixListId, Does.Match("^pl-[0-9a-f]{17}$"));
        Assert.That((created.Version, created.State.Value), Is.EqualTo(((long?)1, "create-in-progress")));

        var modified = (await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = created.PrefixListId, CurrentVersion = 1,
            AddEntries = [new AddPrefixListEntry { Cidr = "198.51.100.0/24" }],
            RemoveEntries = [new RemovePrefixListEntry { Cidr = "192.0.2.0/24" }],
        })).PrefixList;
        Assert.That(modified.Version, Is.EqualTo(2));

        var current = await Entries(created.PrefixListId, null);
        var first = await Entries(created.PrefixListId, 1);
        Assert.That(current, Is.EqualTo(new[] { "198.51.100.0/24" }));
        Assert.That(first, Is.EqualTo(new[] { "192.0.2.0/24" }));
        var described = (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = [created.PrefixListId] }))
            .PrefixLists.Single();
        Assert.That((described.PrefixListName, described.Version, described.State.Value, described.MaxEntries),
            Is.EqualTo(("partners", (long?)2, "modify-complete", (int?)10)));
    }

    [Test]
    public async Task Modifying_with_a_stale_version_fails_with_PrefixListVersionMismatch()
    {
        var list = Emulator.Account.AddPrefixList("partners", ["192.0.2.0/24"]);

        var error = await Ec2Error(() => Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId, CurrentVersion = 7, AddEntries = [new AddPrefixListEntry { Cidr = "198.51.100.0/24" }],
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("PrefixListVersionMismatch"));
        Assert.That(Emulator.Account.FindPrefixList(list.PrefixListId)!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_rule_may_reference_a_prefix_list_but_not_a_missing_one()
    {
        var list = Emulator.Account.AddPrefixList("partners", ["192.0.2.0/24"]);
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");

        var rule = (await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new PrefixListId { Id = list.PrefixListId }] }],
        })).SecurityGroupRules.Single();
        var missing = await Ec2Error(() => Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, PrefixListIds = [new PrefixListId { Id = "pl-0123456789abcdef0" }] }],
        }));

        Assert.That(rule.PrefixListId, Is.EqualTo(list.PrefixListId));
        Assert.That(missing.ErrorCode, Is.EqualTo("InvalidPrefixListID.NotFound"));
    }

    private async Task<IReadOnlyList<string>> Entries(string prefixListId, long? version) =>
        [.. (await Ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = prefixListId, TargetVersion = version }))
            .Entries.Select(e => e.Cidr)];
}
