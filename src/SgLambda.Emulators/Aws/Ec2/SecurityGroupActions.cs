using SgLambda.Core.Aws;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>Security group actions of the EC2 Query API.</summary>
internal static class SecurityGroupActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("DescribeSecurityGroups", AwsService.Ec2, DescribeSecurityGroups),
        new("DescribeSecurityGroupRules", AwsService.Ec2, DescribeSecurityGroupRules),
        new("CreateSecurityGroup", AwsService.Ec2, CreateSecurityGroup, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.CreateSecurityGroup),
        new("DeleteSecurityGroup", AwsService.Ec2, DeleteSecurityGroup, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.DeleteSecurityGroup),
        new("AuthorizeSecurityGroupIngress", AwsService.Ec2, c => Authorize(c, isEgress: false), true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.SecurityGroupPermissions),
        new("AuthorizeSecurityGroupEgress", AwsService.Ec2, c => Authorize(c, isEgress: true), true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.SecurityGroupPermissions),
        new("RevokeSecurityGroupIngress", AwsService.Ec2, c => Revoke(c, isEgress: false), true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.SecurityGroupPermissions),
        new("RevokeSecurityGroupEgress", AwsService.Ec2, c => Revoke(c, isEgress: true), true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.SecurityGroupPermissions),
        new("ModifySecurityGroupRules", AwsService.Ec2, ModifySecurityGroupRules, true, CloudTrailStyle.Ec2QueryEnvelope,
            r => QueryEnvelope.Request("ModifySecurityGroupRules", r)),
    ];

    private static ActionOutcome DescribeSecurityGroups(ActionContext context)
    {
        var (request, account) = context;
        var all = account.SecurityGroups;
        var ids = request.GetList("GroupId");
        var names = request.GetList("GroupName");
        foreach (var id in ids)
        {
            if (!all.Any(g => string.Equals(g.GroupId, id, StringComparison.Ordinal))) throw Ec2Errors.GroupNotFound(id);
        }
        foreach (var name in names)
        {
            if (!all.Any(g => string.Equals(g.GroupName, name, StringComparison.Ordinal))) throw Ec2Errors.GroupNotFound(name);
        }
        var selected = all.Where(g => (ids.Count == 0 || ids.Contains(g.GroupId, StringComparer.Ordinal))
            && (names.Count == 0 || names.Contains(g.GroupName, StringComparer.Ordinal)));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<Ec2SecurityGroup, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["group-id"] = g => Filtering.One(g.GroupId),
            ["group-name"] = g => Filtering.One(g.GroupName),
            ["description"] = g => Filtering.One(g.Description),
            ["vpc-id"] = g => Filtering.One(g.VpcId),
            ["owner-id"] = g => Filtering.One(g.OwnerId),
            ["ip-permission.cidr"] = g => g.Ingress.Select(r => r.CidrIpv4),
            ["ip-permission.ipv6-cidr"] = g => g.Ingress.Select(r => r.CidrIpv6),
            ["ip-permission.group-id"] = g => g.Ingress.Select(r => r.ReferencedGroupInfo?.GroupId),
            ["ip-permission.prefix-list-id"] = g => g.Ingress.Select(r => r.PrefixListId),
            ["ip-permission.protocol"] = g => g.Ingress.Select(r => r.IpProtocol),
            ["egress.ip-permission.cidr"] = g => g.Egress.Select(r => r.CidrIpv4),
            ["egress.ip-permission.ipv6-cidr"] = g => g.Egress.Select(r => r.CidrIpv6),
            ["egress.ip-permission.group-id"] = g => g.Egress.Select(r => r.ReferencedGroupInfo?.GroupId),
            ["egress.ip-permission.prefix-list-id"] = g => g.Egress.Select(r => r.PrefixListId),
            ["egress.ip-permission.protocol"] = g => g.Egress.Select(r => r.IpProtocol),
        }, g => g.Tags);
        var (page, next) = Paging.Apply(filtered, g => g.GroupId, request, 5, 1000);
        return new ActionOutcome(new WireStruct()
            .Add("securityGroupInfo", new WireList(page.Select(g => Ec2Shapes.SecurityGroup(account, g))))
            .Add("nextToken", next));
    }

    private static ActionOutcome DescribeSecurityGroupRules(ActionContext context)
    {
        var (request, account) = context;
        var all = account.SecurityGroups.SelectMany(g => g.Rules.Select(r => (Rule: r, g.OwnerId))).ToList();
        var ids = request.GetList("SecurityGroupRuleId");
        foreach (var id in ids)
        {
            if (!all.Any(r => string.Equals(r.Rule.SecurityGroupRuleId, id, StringComparison.Ordinal))) throw Ec2Errors.RuleNotFound(id);
        }
        var selected = all.Where(r => ids.Count == 0 || ids.Contains(r.Rule.SecurityGroupRuleId, StringComparer.Ordinal));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<(SecurityGroupRule Rule, string OwnerId), IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["group-id"] = r => Filtering.One(r.Rule.GroupId),
            ["security-group-rule-id"] = r => Filtering.One(r.Rule.SecurityGroupRuleId),
        }, _ => []);
        var (page, next) = Paging.Apply(filtered, r => r.Rule.SecurityGroupRuleId, request, 5, 1000);
        return new ActionOutcome(new WireStruct()
            .Add("securityGroupRuleSet", new WireList(page.Select(r => Ec2Shapes.Rule(account, r.Rule, r.OwnerId))))
            .Add("nextToken", next));
    }

    private static ActionOutcome CreateSecurityGroup(ActionContext context)
    {
        var (request, account) = context;
        var name = request.Required("GroupName");
        var description = request.Required("GroupDescription");
        var vpcId = request.Get("VpcId") ?? (account.Vpcs is [var first, ..] ? first.VpcId : null)
            ?? throw new AwsApiException("VPCIdNotSpecified", "No default VPC for this user");
        var tags = QueryParsers.Tags(request, "security-group");
        var group = account.CreateSecurityGroup(name, description, vpcId, tags);
        return new ActionOutcome(new WireStruct()
            .Add("return", true)
            .Add("groupId", group.GroupId)
            .Add("tagSet", tags.Count > 0 ? Ec2Shapes.Tags(tags) : null));
    }

    private static ActionOutcome DeleteSecurityGroup(ActionContext context)
    {
        var (request, account) = context;
        var groupId = GroupIdOf(request, account);
        account.DeleteSecurityGroup(groupId);
        return new ActionOutcome(new WireStruct().Add("return", true).Add("groupId", groupId));
    }

    private static ActionOutcome Authorize(ActionContext context, bool isEgress)
    {
        var (request, account) = context;
        var groupId = GroupIdOf(request, account);
        var permissions = QueryParsers.Permissions(request);
        if (permissions.Count == 0) throw Ec2Errors.MissingParameter("IpPermissions");
        var group = account.GetSecurityGroup(groupId);
        var rules = account.Authorize(groupId, isEgress, permissions);
        account.TagRules(groupId, rules, QueryParsers.Tags(request, "security-group-rule"));
        return new ActionOutcome(new WireStruct()
            .Add("return", true)
            .Add("securityGroupRuleSet", new WireList(rules.Select(r => Ec2Shapes.Rule(account, r, group.OwnerId)))));
    }

    private static ActionOutcome Revoke(ActionContext context, bool isEgress)
    {
        var (request, account) = context;
        var groupId = GroupIdOf(request, account);
        var ruleIds = request.GetList("SecurityGroupRuleId");
        var permissions = QueryParsers.Permissions(request);
        if (ruleIds.Count > 0 && permissions.Count > 0)
            throw Ec2Errors.InvalidParameterCombination("Specify either IP permissions or security group rule IDs, not both");
        if (ruleIds.Count == 0 && permissions.Count == 0) throw Ec2Errors.MissingParameter("IpPermissions or SecurityGroupRuleId");
        var (revoked, unknown) = ruleIds.Count > 0
            ? (account.RevokeByIds(groupId, isEgress, ruleIds), [])
            : account.RevokeByPermissions(groupId, isEgress, permissions);
        return new ActionOutcome(new WireStruct()
            .Add("return", true)
            .Add("revokedSecurityGroupRuleSet", new WireList(revoked.Select(Ec2Shapes.RevokedRule)))
            .Add("unknownIpPermissionSet", unknown.Count > 0 ? Ec2Shapes.Permissions(unknown) : null));
    }

    private static ActionOutcome ModifySecurityGroupRules(ActionContext context)
    {
        var (request, account) = context;
        var groupId = request.Required("GroupId");
        var updates = request.GetStructList("SecurityGroupRule").Select(u =>
        {
            var ruleId = u.Required("SecurityGroupRuleId");
            var rule = u.GetStruct("SecurityGroupRule") ?? throw Ec2Errors.MissingParameter("SecurityGroupRule");
            var description = rule.Get("Description");
            var replacement = new IpPermission
            {
                IpProtocol = rule.Required("IpProtocol"),
                FromPort = rule.GetInt("FromPort"),
                ToPort = rule.GetInt("ToPort"),
                IpRanges = rule.Get("CidrIpv4") is { } v4 ? [new IpRange { CidrIp = v4, Description = description }] : [],
                Ipv6Ranges = rule.Get("CidrIpv6") is { } v6 ? [new Ipv6Range { CidrIpv6 = v6, Description = description }] : [],
                PrefixListIds = rule.Get("PrefixListId") is { } pl ? [new PrefixListId { Id = pl, Description = description }] : [],
                UserIdGroupPairs = rule.Get("ReferencedGroupId") is { } referenced ? [new UserIdGroupPair { GroupId = referenced, Description = description }] : [],
            };
            return (ruleId, replacement);
        }).ToList();
        if (updates.Count == 0) throw Ec2Errors.MissingParameter("SecurityGroupRule");
        account.ModifyRules(groupId, updates);
        return new ActionOutcome(new WireStruct().Add("return", true));
    }

    /// <summary>GroupId, or GroupName (which EC2 only accepts for the default VPC).</summary>
    private static string GroupIdOf(AwsQueryRequest request, Ec2Account account)
    {
        if (request.Get("GroupId") is { Length: > 0 } id) return id;
        var name = request.Get("GroupName") ?? throw Ec2Errors.MissingParameter("GroupId");
        return account.SecurityGroups.FirstOrDefault(g => string.Equals(g.GroupName, name, StringComparison.Ordinal))?.GroupId
            ?? throw Ec2Errors.GroupNotFound(name);
    }
}
