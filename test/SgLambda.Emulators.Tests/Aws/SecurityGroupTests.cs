using System.Net;
using Amazon.EC2.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>Security group actions through the real AWSSDK.EC2 client.</summary>
public sealed class SecurityGroupTests : EmulatorTestBase
{
    [Test]
    public async Task A_new_group_has_an_id_like_aws_and_the_default_allow_all_egress_rule()
    {
        var created = await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web tier", VpcId = Vpc.VpcId });

        Assert.That(created.GroupId, Does.Match("^sg-[0-9a-f]{17}$"));
        var group = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [created.GroupId] })).SecurityGroups.Single();
        Assert.That(group.GroupName, Is.EqualTo("web"));
        Assert.That(group.Description, Is.EqualTo("web tier"));
        Assert.That(group.VpcId, Is.EqualTo(Vpc.VpcId));
        Assert.That(group.OwnerId, Is.EqualTo(Emulator.Options.AccountId));
        Assert.That(group.IpPermissions ?? [], Is.Empty);
        var egress = group.IpPermissionsEgress.Single();
        Assert.That(egress.IpProtocol, Is.EqualTo("-1"));
        Assert.That(egress.Ipv4Ranges.Single().CidrIp, Is.EqualTo("0.0.0.0/0"));
    }

    [Test]
    public async Task Authorized_rules_come_back_with_ids_in_describe_and_describe_security_group_rules()
    {
        var groupId = await CreateGroup("app");
        var peer = await CreateGroup("peer");

        var authorized = await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions =
            [
                new IpPermission
                {
                    IpProtocol = "tcp", FromPort = 443, ToPort = 443,
                    Ipv4Ranges = [new IpRange { CidrIp = "10.1.0.0/16", Description = "office" }],
                    UserIdGroupPairs = [new UserIdGroupPair { GroupId = peer }],
                },
            ],
        });

        Assert.That(authorized.Return, Is.True);
        Assert.That(authorized.SecurityGroupRules, Has.Count.EqualTo(2));
        Assert.That(authorized.SecurityGroupRules.Select(r => r.SecurityGroupRuleId), Has.All.Match("^sgr-[0-9a-f]{17}$"));
        var cidrRule = authorized.SecurityGroupRules.Single(r => r.CidrIpv4 is not null);
        Assert.That((cidrRule.IsEgress, cidrRule.IpProtocol, cidrRule.FromPort, cidrRule.ToPort, cidrRule.Description),
            Is.EqualTo((false, "tcp", 443, 443, "office")));

        var permission = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }))
            .SecurityGroups.Single().IpPermissions.Single();
        Assert.That((permission.IpProtocol, permission.FromPort, permission.ToPort), Is.EqualTo(("tcp", 443, 443)));
        Assert.That(permission.Ipv4Ranges.Single().CidrIp, Is.EqualTo("10.1.0.0/16"));
        Assert.That(permission.UserIdGroupPairs.Single().GroupId, Is.EqualTo(peer));

        var rules = await Ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", [groupId])],
        });
        Assert.That(rules.SecurityGroupRules.Select(r => r.SecurityGroupRuleId),
            Is.SupersetOf(authorized.SecurityGroupRules.Select(r => r.SecurityGroupRuleId)));
        var referencing = rules.SecurityGroupRules.Single(r => r.ReferencedGroupInfo is not null);
        Assert.That(referencing.ReferencedGroupInfo.GroupId, Is.EqualTo(peer));
        Assert.That(rules.SecurityGroupRules.Count(r => r.IsEgress == true), Is.EqualTo(1), "the default egress rule");

        var byId = await Ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [cidrRule.SecurityGroupRuleId] });
        Assert.That(byId.SecurityGroupRules.Single().CidrIpv4, Is.EqualTo("10.1.0.0/16"));
    }

    [Test]
    public async Task Revoking_by_rule_id_removes_exactly_that_rule()
    {
        var groupId = await CreateGroup("app");
        var rules = (await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [Tcp(22, "10.0.0.0/8"), Tcp(80, "0.0.0.0/0")],
        })).SecurityGroupRules;
        var ssh = rules.Single(r => r.FromPort == 22).SecurityGroupRuleId;

        var revoked = await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ssh] });

        Assert.That(revoked.Return, Is.True);
        Assert.That(revoked.RevokedSecurityGroupRules.Single().SecurityGroupRuleId, Is.EqualTo(ssh));
        var remaining = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups.Single().IpPermissions;
        Assert.That(remaining.Select(p => p.FromPort), Is.EqualTo(new int?[] { 80 }));
    }

    [Test]
    public async Task Revoking_by_permission_removes_the_matching_rule_and_reports_what_matched_nothing()
    {
        var groupId = await CreateGroup("app");
        await Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = [Tcp(5432, "10.2.0.0/16")] });

        var revoked = await Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = groupId,
            IpPermissions = [Tcp(5432, "10.2.0.0/16"), Tcp(6379, "10.2.0.0/16")],
        });

        Assert.That(revoked.RevokedSecurityGroupRules.Single().CidrIpv4, Is.EqualTo("10.2.0.0/16"));
        Assert.That(revoked.RevokedSecurityGroupRules.Single().IsEgress, Is.True);
        Assert.That(revoked.UnknownIpPermissions.Single().FromPort, Is.EqualTo(6379));
        var egress = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups.Single().IpPermissionsEgress;
        Assert.That(egress.Select(p => p.IpProtocol), Is.EqualTo(new[] { "-1" }));
    }

    [Test]
    public async Task Modifying_a_rule_keeps_its_id()
    {
        var groupId = await CreateGroup("app");
        var rule = (await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId, IpPermissions = [Tcp(22, "10.0.0.0/8")],
        })).SecurityGroupRules.Single();

        var modified = await Ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = groupId,
            SecurityGroupRules =
            [
                new SecurityGroupRuleUpdate
                {
                    SecurityGroupRuleId = rule.SecurityGroupRuleId,
                    SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 2222, ToPort = 2222, CidrIpv4 = "192.168.0.0/24" },
                },
            ],
        });

        Assert.That(modified.Return, Is.True);
        var after = (await Ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [rule.SecurityGroupRuleId] }))
            .SecurityGroupRules.Single();
        Assert.That((after.FromPort, after.ToPort, after.CidrIpv4), Is.EqualTo((2222, 2222, "192.168.0.0/24")));
    }

    [Test]
    public async Task Authorizing_an_existing_rule_fails_with_InvalidPermission_Duplicate_and_adds_nothing()
    {
        var groupId = await CreateGroup("app");
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [Tcp(22, "10.0.0.0/8")] });

        var error = await Ec2Error(() => Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId, IpPermissions = [Tcp(80, "0.0.0.0/0"), Tcp(22, "10.0.0.0/8")],
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidPermission.Duplicate"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var ingress = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups.Single().IpPermissions;
        Assert.That(ingress.Select(p => p.FromPort), Is.EqualTo(new int?[] { 22 }), "the call failed as a whole");
    }

    [Test]
    public async Task Describing_a_missing_group_fails_with_InvalidGroup_NotFound()
    {
        var error = await Ec2Error(() =>
            Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-0123456789abcdef0"] }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That(error.Message, Is.EqualTo("The security group 'sg-0123456789abcdef0' does not exist"));
        Assert.That(error.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task A_group_in_use_by_an_eni_cannot_be_deleted_until_the_eni_leaves_it()
    {
        var groupId = await CreateGroup("app");
        var eni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = Subnet.SubnetId, Groups = [groupId] })).NetworkInterface;

        var error = await Ec2Error(() => Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }));
        Assert.That(error.ErrorCode, Is.EqualTo("DependencyViolation"));

        await Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
        var deleted = await Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId });
        Assert.That(deleted.Return, Is.True);
        Assert.That(deleted.GroupId, Is.EqualTo(groupId));
        Assert.That(Emulator.Account.FindSecurityGroup(groupId), Is.Null);
    }

    [Test]
    public async Task A_group_referenced_by_another_groups_rule_cannot_be_deleted()
    {
        var referenced = await CreateGroup("db");
        var app = await CreateGroup("app");
        await Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = app,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = referenced }] }],
        });

        var error = await Ec2Error(() => Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = referenced }));

        Assert.That(error.ErrorCode, Is.EqualTo("DependencyViolation"));
    }

    [Test]
    public async Task Filters_select_by_vpc_and_group_id()
    {
        var otherVpc = Emulator.Account.AddVpc("172.16.0.0/16");
        var mine = await CreateGroup("mine");
        Emulator.Account.AddSecurityGroup(otherVpc.VpcId, "theirs");

        var inVpc = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [Vpc.VpcId])] });
        var byId = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-id", [mine])] });
        var byWildcard = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", ["the*"])] });

        Assert.That(inVpc.SecurityGroups.Select(g => g.GroupName).Order(), Is.EqualTo(new[] { "default", "mine" }));
        Assert.That(byId.SecurityGroups.Select(g => g.GroupId), Is.EqualTo(new[] { mine }));
        Assert.That(byWildcard.SecurityGroups.Select(g => g.GroupName), Is.EqualTo(new[] { "theirs" }));
    }

    [Test]
    public async Task An_unknown_filter_is_an_error()
    {
        var error = await Ec2Error(() =>
            Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("no-such-filter", ["x"])] }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    private async Task<string> CreateGroup(string name) =>
        (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = Vpc.VpcId })).GroupId;

    private static IpPermission Tcp(int port, string cidr) =>
        new() { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] };
}
