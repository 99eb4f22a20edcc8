namespace SgLambda.Core.Events;

/// <summary>
/// Security group calls. Each changes the SG's own policies, and a rule that names a managed prefix list
/// changes which GlobalNetworkSets are needed (a newly referenced list needs its set), so those lists are
/// affected too. Shapes: see infra/events/README.md.
/// </summary>
internal static class SecurityGroupCalls
{
    public static CallEffect Create(CloudTrailCall call)
    {
        var group = call.Response["groupId"].RequiredId(Ids.SecurityGroup, Ids.SecurityGroupKind);
        return new AffectedBuilder()
            .SecurityGroup(group)
            .Vpc(call.Request["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind))
            .Effect($"security group {group} created");
    }

    public static CallEffect Delete(CloudTrailCall call)
    {
        var group = call.Request["groupId"].RequiredId(Ids.SecurityGroup, Ids.SecurityGroupKind);
        return new AffectedBuilder().SecurityGroup(group).Effect($"security group {group} deleted");
    }

    /// <summary>
    /// Authorize/Revoke Ingress/Egress (by ipPermissions, by rule ids, or the old flat cidrIp/fromPort form)
    /// and UpdateSecurityGroupRuleDescriptions*: the group in requestParameters.groupId, prefix lists from
    /// the permissions and from the rule sets newer records return.
    /// </summary>
    public static CallEffect RulesChanged(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var groupField = call.Request["groupId"];
        affected.SecurityGroup(groupField.OptionalId(Ids.SecurityGroup, Ids.SecurityGroupKind));
        foreach (var permission in call.Request["ipPermissions"].Items())
        {
            foreach (var list in permission["prefixListIds"].Items())
                affected.PrefixList(list["prefixListId"].OptionalId(Ids.PrefixList, Ids.PrefixListKind));
        }
        foreach (var ruleSet in (ReadOnlySpan<string>)["securityGroupRuleSet", "revokedSecurityGroupRuleSet"])
        {
            foreach (var rule in call.Response[ruleSet].Items())
            {
                affected.SecurityGroup(rule["groupId"].OptionalId(Ids.SecurityGroup, Ids.SecurityGroupKind));
                affected.PrefixList(rule["prefixListId"].OptionalId(Ids.PrefixList, Ids.PrefixListKind));
            }
        }
        if (affected.SecurityGroups.Count == 0) throw JsonField.Malformed($"{groupField.Path} is missing (expected {Ids.SecurityGroupKind} id)");
        return affected.Effect($"rules of {Ids.Join(affected.SecurityGroups)} changed ({call.EventName})");
    }

    /// <summary>
    /// ModifySecurityGroupRules: CloudTrail records the request PascalCase, wrapped, one rule as an object
    /// and several (we expect) as a list:
    /// <c>{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-..","SecurityGroupRule":{"SecurityGroupRuleId":"sgr-..","SecurityGroupRule":{..,"PrefixListId":"pl-.."}}}}</c>.
    /// </summary>
    public static CallEffect RulesModified(CloudTrailCall call)
    {
        var request = call.Request["ModifySecurityGroupRulesRequest"];
        if (!request.Exists) request = call.Request;
        var group = request["GroupId"].RequiredId(Ids.SecurityGroup, Ids.SecurityGroupKind);
        var affected = new AffectedBuilder().SecurityGroup(group);
        foreach (var update in request["SecurityGroupRule"].Items())
            affected.PrefixList(update["SecurityGroupRule"]["PrefixListId"].OptionalId(Ids.PrefixList, Ids.PrefixListKind));
        return affected.Effect($"rules of {group} changed ({call.EventName})");
    }
}
