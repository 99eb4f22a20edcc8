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

    private static string Describe(IpPermission permission) =>
        permission.IpProtocol == "-1"
            ? "(all traffic)"
            : string.Create(CultureInfo.InvariantCulture, $"({permission.IpProtocol} {permission.FromPort}-{permission.ToPort})");
}
