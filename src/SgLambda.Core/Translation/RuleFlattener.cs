using System.Globalization;
using SgLambda.Core.Aws;
using SgLambda.Core.Net;

namespace SgLambda.Core.Translation;

/// <summary>
/// An SG's permissions as one <see cref="SecurityGroupRuleView"/> per peer, keeping only what Calico can
/// mean exactly as AWS does. Everything dropped is said in a warning.
/// </summary>
public static class RuleFlattener
{
    public static IReadOnlyList<SecurityGroupRuleView> Flatten(SecurityGroup group, TranslationContext context, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(warnings);
        var rules = new List<SecurityGroupRuleView>();
        Add(group, RuleDirection.Ingress, group.IpPermissions, context, warnings, rules);
        Add(group, RuleDirection.Egress, group.IpPermissionsEgress, context, warnings, rules);
        return rules;
    }

    private static void Add(
        SecurityGroup group, RuleDirection direction, IReadOnlyList<IpPermission> permissions,
        TranslationContext context, ICollection<string> warnings, List<SecurityGroupRuleView> rules)
    {
        var isEgress = direction == RuleDirection.Egress;
        var where = isEgress ? "egress" : "ingress";
        foreach (var permission in permissions)
        {
            var protocol = ProtocolParser.Parse(permission.IpProtocol, permission.FromPort, permission.ToPort, out var problem);
            if (protocol is null)
            {
                warnings.Add($"{group.GroupId}: {where} rule skipped: {problem}");
                continue;
            }

            foreach (var range in permission.IpRanges)
                AddCidr(range.CidrIp, 4, "ipv4", range.Description);
            foreach (var range in permission.Ipv6Ranges)
                AddCidr(range.CidrIpv6, 6, "ipv6", range.Description);
            foreach (var prefixList in permission.PrefixListIds)
            {
                var id = prefixList.Id.Trim();
                if (!context.PrefixLists.ContainsKey(id))
                {
                    warnings.Add($"{group.GroupId}: {where} rule {Describe(permission)} references prefix list {id}, which is not in the prefix lists; skipped");
                    continue;
                }
                rules.Add(new SecurityGroupRuleView(group.GroupId, direction, protocol, new RulePeer.PrefixListPeer(id),
                    context.RuleIds.Find(group.GroupId, isEgress, permission, "pl", id), prefixList.Description));
            }
            foreach (var pair in permission.UserIdGroupPairs)
            {
                var id = pair.GroupId.Trim();
                if (context.Config.IsInternal(id))
                {
                    warnings.Add($"{group.GroupId}: {where} rule {Describe(permission)} references the internal SG {id}; dropped");
                    continue;
                }
                if (IsOutsideVpc(pair, context.Config.VpcId))
                {
                    // SEMANTICS.md section 1: no member of a peered VPC is represented, so the peer matches nothing here.
                    // Kept, its selector would match a pod that merely claims the SG in its annotation (the webhook
                    // cannot tell which SGs are the VPC's), which AWS never counts as a member.
                    warnings.Add($"{group.GroupId}: {where} rule {Describe(permission)} references {id} of {pair.VpcId ?? "a peered VPC"}"
                        + $"{(pair.VpcPeeringConnectionId is { } pcx ? $" (through {pcx})" : "")}, whose members are not in this VPC; skipped");
                    continue;
                }
                rules.Add(new SecurityGroupRuleView(group.GroupId, direction, protocol, new RulePeer.GroupPeer(id),
                    context.RuleIds.Find(group.GroupId, isEgress, permission, "sg", id), pair.Description));
            }

            void AddCidr(string text, int version, string kind, string? description)
            {
                if (!Cidr.TryParse(text, out var cidr) || cidr.IpVersion != version)
                {
                    warnings.Add($"{group.GroupId}: {where} rule {Describe(permission)} has '{text}', which is not an IPv{version} CIDR; skipped");
                    return;
                }
                if (protocol.ImpliedIpVersion is { } implied && implied != version)
                {
                    warnings.Add($"{group.GroupId}: {where} rule {Describe(permission)} pairs {permission.IpProtocol} with IPv{version} {text}, which matches no packet; skipped");
                    return;
                }
                rules.Add(new SecurityGroupRuleView(group.GroupId, direction, protocol, new RulePeer.CidrPeer(cidr),
                    context.RuleIds.Find(group.GroupId, isEgress, permission, kind, text), description));
            }
        }
    }

    /// <summary>
    /// A reference to an SG of another VPC: EC2 names that VPC (<c>VpcId</c>) and the peering connection
    /// (<c>VpcPeeringConnectionId</c>) in the pair, and keeps them for a stale reference (an SG deleted in the peer VPC).
    /// A same-VPC reference carries neither, or this VPC's id; AWS refuses a same-VPC reference to a missing SG.
    /// </summary>
    public static bool IsOutsideVpc(UserIdGroupPair pair, string vpcId)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.VpcPeeringConnectionId is { Length: > 0 }
            || (pair.VpcId is { Length: > 0 } other && !string.Equals(other, vpcId, StringComparison.Ordinal));
    }

    private static string Describe(IpPermission permission) =>
        permission.IpProtocol == "-1"
            ? "(all traffic)"
            : string.Create(CultureInfo.InvariantCulture, $"({permission.IpProtocol} {permission.FromPort}-{permission.ToPort})");
}
