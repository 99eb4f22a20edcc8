using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// AWS security groups to Calico tiers, policies, HostEndpoints and GlobalNetworkSets: the one
/// translation that render, the functions and the tests share.
/// </summary>
public static class Translator
{
    /// <summary>Renders every object for the configured VPC, sorted by kind then name. Pure and deterministic.</summary>
    public static RenderResult Render(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        var context = TranslationContext.From(snapshot, config);
        var warnings = new List<string>();
        var objects = new Dictionary<ObjectKey, CalicoObject>();

        void Add(CalicoObject value)
        {
            if (!objects.TryAdd(value.Key, value)) warnings.Add($"{value.Key} rendered twice; kept the first");
        }

        foreach (var fixedObject in FixedObjectRenderer.Render(context)) Add(fixedObject);

        var groups = SecurityGroupsOf(snapshot, config);
        var referencedLists = new SortedSet<string>(StringComparer.Ordinal);
        var remote = new Dictionary<RemoteTarget, List<RemoteSourceRules>>();
        foreach (var group in groups)
        {
            var rules = RuleFlattener.Flatten(group, context, warnings);
            foreach (var policy in SecurityGroupPolicyRenderer.Render(group, rules, context)) Add(policy);
            foreach (var (target, contribution) in RemoteSourceRules.Of(group.GroupId, rules, config))
            {
                if (!remote.TryGetValue(target, out var sources)) remote[target] = sources = [];
                sources.Add(contribution);
            }
            foreach (var permission in group.IpPermissions.Concat(group.IpPermissionsEgress))
                foreach (var list in permission.PrefixListIds) referencedLists.Add(list.Id.Trim());
        }
        // sg-remote is keyed by the enforced end's SG: each policy holds the rules of every SG that names it.
        foreach (var (target, sources) in remote)
            foreach (var policy in RemotePolicyRenderer.Render(target, sources, config)) Add(policy);

        foreach (var listId in referencedLists)
        {
            if (context.PrefixLists.TryGetValue(listId, out var list)) Add(PrefixListRenderer.Render(list, context, warnings));
        }

        foreach (var eni in snapshot.NetworkInterfaces)
        {
            if (HostEndpointRenderer.Render(eni, context, warnings) is { } endpoint) Add(endpoint);
        }

        var sorted = objects.Values.OrderBy(o => o.Key).ToList();
        return new RenderResult(sorted, warnings);
    }

    /// <summary>The SGs the translation writes policies for: those of the VPC, internal ones aside.</summary>
    public static IReadOnlyList<SecurityGroup> SecurityGroupsOf(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        return snapshot.SecurityGroups
            .Where(g => string.Equals(g.VpcId?.Trim(), config.VpcId, StringComparison.Ordinal) && !config.IsInternal(g.GroupId.Trim()))
            .GroupBy(g => g.GroupId.Trim(), StringComparer.Ordinal)
            .Select(g => g.First() with { GroupId = g.Key })
            .ToList();
    }
}
