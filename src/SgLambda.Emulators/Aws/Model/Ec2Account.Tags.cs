using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>Tags: CreateTags, DeleteTags and DescribeTags over every taggable resource, security group rules included.</summary>
public sealed partial class Ec2Account
{
    /// <summary>The tags of a rule (none when it has none).</summary>
    internal IReadOnlyList<Tag> RuleTags(SecurityGroupRule rule) =>
        _groups.GetValueOrDefault(rule.GroupId)?.RuleTags.GetValueOrDefault(rule.SecurityGroupRuleId) ?? [];

    /// <summary>Tags rules just authorized with their request's <c>security-group-rule</c> tag specification.</summary>
    internal void TagRules(string groupId, IReadOnlyList<SecurityGroupRule> rules, IReadOnlyList<Tag> tags)
    {
        if (tags.Count == 0) return;
        var group = GetSecurityGroup(groupId);
        _groups[groupId] = group with { RuleTags = group.RuleTags.SetItems(rules.Select(r => KeyValuePair.Create(r.SecurityGroupRuleId, tags))) };
    }

    /// <summary>Every tag of the account: (resource id, resource type, tag), in storage order.</summary>
    internal IEnumerable<(string ResourceId, string ResourceType, Tag Tag)> AllTags()
    {
        foreach (var vpc in _vpcs.Values) foreach (var tag in vpc.Tags) yield return (vpc.VpcId, "vpc", tag);
        foreach (var group in _groups.Values)
        {
            foreach (var tag in group.Tags) yield return (group.GroupId, "security-group", tag);
            foreach (var (ruleId, tags) in group.RuleTags) foreach (var tag in tags) yield return (ruleId, "security-group-rule", tag);
        }
        foreach (var eni in _interfaces.Values) foreach (var tag in eni.Tags) yield return (eni.NetworkInterfaceId, "network-interface", tag);
        foreach (var instance in _instances.Values) foreach (var tag in instance.Tags) yield return (instance.InstanceId, "instance", tag);
        foreach (var list in _prefixLists.Values) foreach (var tag in list.Tags) yield return (list.PrefixListId, "prefix-list", tag);
    }

    /// <summary>
    /// Adds or overwrites tags on each resource (CreateTags); <paramref name="remove"/> deletes instead (DeleteTags:
    /// a tag given with a value is deleted only when the value matches). Every id must exist, else nothing changes.
    /// </summary>
    internal void ChangeTags(IReadOnlyList<string> resourceIds, IReadOnlyList<Tag> tags, bool remove)
    {
        foreach (var id in resourceIds) UpdateTags(id, existing => remove ? Without(existing, tags) : With(existing, tags));
    }

    private void UpdateTags(string id, Func<IReadOnlyList<Tag>, IReadOnlyList<Tag>> change)
    {
        switch (id.Split('-')[0])
        {
            case "sg":
                var group = GetSecurityGroup(id);
                _groups[id] = group with { Tags = change(group.Tags) };
                return;
            case "sgr":
                var owner = _groups.Values.FirstOrDefault(g => g.Rules.Any(r => string.Equals(r.SecurityGroupRuleId, id, StringComparison.Ordinal)))
                    ?? throw Ec2Errors.RuleNotFound(id);
                var updated = change(owner.RuleTags.GetValueOrDefault(id) ?? []);
                _groups[owner.GroupId] = owner with { RuleTags = updated.Count == 0 ? owner.RuleTags.Remove(id) : owner.RuleTags.SetItem(id, updated) };
                return;
            case "eni":
                var eni = GetNetworkInterface(id);
                _interfaces[id] = eni with { Tags = change(eni.Tags) };
                return;
            case "i":
                var instance = _instances.GetValueOrDefault(id) ?? throw Ec2Errors.InstanceNotFound([id]);
                _instances[id] = instance with { Tags = change(instance.Tags) };
                return;
            case "vpc":
                var vpc = GetVpc(id);
                _vpcs[id] = vpc with { Tags = change(vpc.Tags) };
                return;
            case "pl":
                var list = GetPrefixList(id);
                _prefixLists[id] = list with { Tags = change(list.Tags) };
                return;
            default:
                // EC2's answer to an id of a kind it does not know (the sandbox tags only the kinds above).
                throw new Protocol.AwsApiException("InvalidID", $"The ID '{id}' is not valid");
        }
    }

    private static List<Tag> With(IReadOnlyList<Tag> existing, IReadOnlyList<Tag> added)
    {
        var result = existing.Where(t => !added.Any(a => string.Equals(a.Key, t.Key, StringComparison.Ordinal))).ToList();
        result.AddRange(added.Select(a => a with { Value = a.Value ?? "" }));
        return result;
    }

    private static List<Tag> Without(IReadOnlyList<Tag> existing, IReadOnlyList<Tag> removed) =>
        [.. existing.Where(t => !removed.Any(r => string.Equals(r.Key, t.Key, StringComparison.Ordinal)
            && (r.Value is null || string.Equals(r.Value, t.Value, StringComparison.Ordinal))))];
}
