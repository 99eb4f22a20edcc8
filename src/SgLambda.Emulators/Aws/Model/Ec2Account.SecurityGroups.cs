using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>Security groups and their rules.</summary>
public sealed partial class Ec2Account
{
    /// <summary>Seeds a security group (with EC2's default allow-all egress rule) and returns it.</summary>
    public Ec2SecurityGroup AddSecurityGroup(string vpcId, string groupName, string? description = null)
    {
        lock (Gate) return CreateSecurityGroup(groupName, description ?? groupName, vpcId, []);
    }

    /// <summary>Seeds ingress rules; returns the rules created, one per peer, with their ids.</summary>
    public IReadOnlyList<SecurityGroupRule> AddIngressRules(string groupId, params IReadOnlyList<IpPermission> permissions)
    {
        lock (Gate) return Authorize(groupId, isEgress: false, permissions);
    }

    /// <summary>Seeds egress rules; returns the rules created, one per peer, with their ids.</summary>
    public IReadOnlyList<SecurityGroupRule> AddEgressRules(string groupId, params IReadOnlyList<IpPermission> permissions)
    {
        lock (Gate) return Authorize(groupId, isEgress: true, permissions);
    }

    internal Ec2SecurityGroup CreateSecurityGroup(string name, string description, string vpcId, IReadOnlyList<Tag> tags)
    {
        GetVpc(vpcId);
        if (_groups.Values.Any(g => string.Equals(g.VpcId, vpcId, StringComparison.Ordinal) && string.Equals(g.GroupName, name, StringComparison.Ordinal)))
            throw Ec2Errors.GroupDuplicate(name, vpcId);
        var group = new Ec2SecurityGroup(Ids.Next("sg"), name, description, vpcId, AccountId) { Tags = tags };
        _groups.Add(group.GroupId, group);
        // A new group allows all outbound IPv4 traffic until that rule is revoked.
        Authorize(group.GroupId, isEgress: true, [new IpPermission { IpProtocol = "-1", IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }] }]);
        return _groups[group.GroupId];
    }

    internal void DeleteSecurityGroup(string groupId)
    {
        var group = GetSecurityGroup(groupId);
        if (string.Equals(group.GroupName, "default", StringComparison.Ordinal)) throw Ec2Errors.CannotDeleteDefaultGroup(groupId);
        if (_interfaces.Values.Any(e => e.GroupIds.Contains(groupId, StringComparer.Ordinal)))
            throw Ec2Errors.DependencyViolation(groupId);
        if (_groups.Values.Any(g => !string.Equals(g.GroupId, groupId, StringComparison.Ordinal)
                && g.Rules.Any(r => string.Equals(r.ReferencedGroupInfo?.GroupId, groupId, StringComparison.Ordinal))))
            throw Ec2Errors.DependencyViolation(groupId);
        _groups.Remove(groupId);
    }

    /// <summary>Adds rules, one per peer; fails as a whole when any is invalid or already exists.</summary>
    internal IReadOnlyList<SecurityGroupRule> Authorize(string groupId, bool isEgress, IReadOnlyList<IpPermission> permissions)
    {
        var group = GetSecurityGroup(groupId);
        var added = new List<SecurityGroupRule>();
        foreach (var candidate in permissions.SelectMany(p => Expand(group, isEgress, p)))
        {
            if (group.Rules.Concat(added).Any(existing => SameRule(existing, candidate)))
                throw Ec2Errors.PermissionDuplicate(Describe(candidate));
            added.Add(candidate with { SecurityGroupRuleId = Ids.Next("sgr") });
        }
        _groups[groupId] = group with { Rules = group.Rules.AddRange(added) };
        return added;
    }

    /// <summary>Removes the rules matching the permissions; returns those removed and the permissions that matched nothing.</summary>
    internal (IReadOnlyList<SecurityGroupRule> Revoked, IReadOnlyList<IpPermission> Unknown) RevokeByPermissions(
        string groupId, bool isEgress, IReadOnlyList<IpPermission> permissions)
    {
        var group = GetSecurityGroup(groupId);
        var revoked = new List<SecurityGroupRule>();
        var unknown = new List<IpPermission>();
        foreach (var permission in permissions)
        {
            foreach (var candidate in Expand(group, isEgress, permission, validatePeers: false))
            {
                var match = group.Rules.FirstOrDefault(r => SameRule(r, candidate) && !revoked.Contains(r));
                if (match is null) unknown.Add(ToPermission(candidate));
                else revoked.Add(match);
            }
        }
        _groups[groupId] = group with { Rules = group.Rules.RemoveAll(revoked.Contains) };
        return (revoked, unknown);
    }

    /// <summary>Removes rules by id; every id must be a rule of this group in this direction.</summary>
    internal IReadOnlyList<SecurityGroupRule> RevokeByIds(string groupId, bool isEgress, IReadOnlyList<string> ruleIds)
    {
        var group = GetSecurityGroup(groupId);
        var revoked = new List<SecurityGroupRule>();
        foreach (var ruleId in ruleIds)
        {
            var rule = group.Rules.FirstOrDefault(r => string.Equals(r.SecurityGroupRuleId, ruleId, StringComparison.Ordinal) && r.IsEgress == isEgress)
                ?? throw Ec2Errors.RuleNotFound(ruleId);
            revoked.Add(rule);
        }
        _groups[groupId] = group with { Rules = group.Rules.RemoveAll(revoked.Contains) };
        return revoked;
    }

    /// <summary>Replaces rules in place, keeping their ids (ModifySecurityGroupRules).</summary>
    internal void ModifyRules(string groupId, IReadOnlyList<(string RuleId, IpPermission Replacement)> updates)
    {
        var group = GetSecurityGroup(groupId);
        var rules = group.Rules;
        foreach (var (ruleId, replacement) in updates)
        {
            var index = rules.FindIndex(r => string.Equals(r.SecurityGroupRuleId, ruleId, StringComparison.Ordinal));
            if (index < 0) throw Ec2Errors.RuleNotFound(ruleId);
            var existing = rules[index];
            var expanded = Expand(group, existing.IsEgress, replacement).ToList();
            if (expanded.Count != 1)
                throw Ec2Errors.InvalidParameterValue("A security group rule must have exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId");
            var updated = expanded[0] with { SecurityGroupRuleId = ruleId };
            if (rules.Any(r => !string.Equals(r.SecurityGroupRuleId, ruleId, StringComparison.Ordinal) && SameRule(r, updated)))
                throw Ec2Errors.PermissionDuplicate(Describe(updated));
            rules = rules.SetItem(index, updated);
        }
        _groups[groupId] = group with { Rules = rules };
    }

    /// <summary>
    /// One rule per peer of a permission, with EC2's normalisation: protocol names in lower case (6 is tcp,
    /// 17 udp, 1 icmp, 58 icmpv6), ports -1 where they do not apply.
    /// </summary>
    private List<SecurityGroupRule> Expand(Ec2SecurityGroup group, bool isEgress, IpPermission permission, bool validatePeers = true)
    {
        var (protocol, from, to) = NormalizeProtocolAndPorts(permission.IpProtocol, permission.FromPort, permission.ToPort);
        var template = new SecurityGroupRule
        {
            SecurityGroupRuleId = "",
            GroupId = group.GroupId,
            IsEgress = isEgress,
            IpProtocol = protocol,
            FromPort = from,
            ToPort = to,
        };
        var rules = new List<SecurityGroupRule>();
        foreach (var range in permission.IpRanges)
        {
            if (!IPNetwork.TryParse(range.CidrIp, out var cidr) || cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
                throw Ec2Errors.InvalidParameterValue($"CIDR block {range.CidrIp} is malformed");
            rules.Add(template with { CidrIpv4 = range.CidrIp, Description = range.Description });
        }
        foreach (var range in permission.Ipv6Ranges)
        {
            if (!IPNetwork.TryParse(range.CidrIpv6, out var cidr) || cidr.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
                throw Ec2Errors.InvalidParameterValue($"CIDR block {range.CidrIpv6} is malformed");
            rules.Add(template with { CidrIpv6 = range.CidrIpv6, Description = range.Description });
        }
        foreach (var prefixList in permission.PrefixListIds)
        {
            if (validatePeers) GetPrefixList(prefixList.Id);
            rules.Add(template with { PrefixListId = prefixList.Id, Description = prefixList.Description });
        }
        foreach (var pair in permission.UserIdGroupPairs)
        {
            var referenced = validatePeers ? GetSecurityGroup(pair.GroupId) : _groups.GetValueOrDefault(pair.GroupId);
            rules.Add(template with
            {
                ReferencedGroupInfo = new ReferencedSecurityGroup { GroupId = pair.GroupId, UserId = referenced?.OwnerId ?? pair.UserId ?? AccountId },
                Description = pair.Description,
            });
        }
        if (rules.Count == 0 && validatePeers)
            throw Ec2Errors.InvalidParameterValue("A permission must name at least one IP range, IPv6 range, prefix list or security group");
        return rules;
    }

    internal static (string Protocol, int From, int To) NormalizeProtocolAndPorts(string protocol, int? fromPort, int? toPort)
    {
        var name = protocol.Trim().ToLowerInvariant() switch
        {
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            var other => other,
        };
        switch (name)
        {
            case "-1":
                return ("-1", -1, -1);
            case "tcp" or "udp":
                if (fromPort is not { } from || toPort is not { } to)
                    throw Ec2Errors.InvalidParameterValue("Invalid value for portRange. Must specify both from and to ports with TCP/UDP.");
                if (from is < 0 or > 65535 || to is < 0 or > 65535 || from > to)
                    throw Ec2Errors.InvalidParameterValue($"Invalid value for portRange. Ports {from}-{to} are out of range.");
                return (name, from, to);
            case "icmp" or "icmpv6":
                var type = fromPort ?? -1;
                var code = toPort ?? -1;
                if (type is < -1 or > 255 || code is < -1 or > 255)
                    throw Ec2Errors.InvalidParameterValue($"Invalid value for ICMP type and code: {type}, {code}");
                return (name, type, code);
            default:
                if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 255)
                    throw Ec2Errors.InvalidParameterValue($"Invalid value '{protocol}' for IP protocol. Unknown protocol.");
                return (name, -1, -1);
        }
    }

    private static bool SameRule(SecurityGroupRule a, SecurityGroupRule b) =>
        a.IsEgress == b.IsEgress
        && string.Equals(a.IpProtocol, b.IpProtocol, StringComparison.Ordinal)
        && a.FromPort == b.FromPort && a.ToPort == b.ToPort
        && string.Equals(a.CidrIpv4, b.CidrIpv4, StringComparison.Ordinal)
        && string.Equals(a.CidrIpv6, b.CidrIpv6, StringComparison.Ordinal)
        && string.Equals(a.PrefixListId, b.PrefixListId, StringComparison.Ordinal)
        && string.Equals(a.ReferencedGroupInfo?.GroupId, b.ReferencedGroupInfo?.GroupId, StringComparison.Ordinal);

    private static IpPermission ToPermission(SecurityGroupRule rule) => PermissionGrouping.Group([rule], _ => null)[0];

    /// <summary>How EC2 names a rule in InvalidPermission.Duplicate.</summary>
    private static string Describe(SecurityGroupRule rule)
    {
        var peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId;
        var protocol = rule.IpProtocol == "-1" ? "ALL" : rule.IpProtocol.ToUpperInvariant();
        return string.Create(CultureInfo.InvariantCulture,
            $"peer: {peer}, {protocol}, from port: {rule.FromPort}, to port: {rule.ToPort}, ALLOW");
    }
}
