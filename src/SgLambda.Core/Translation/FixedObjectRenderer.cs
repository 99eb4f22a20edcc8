using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Net;

namespace SgLambda.Core.Translation;

/// <summary>
/// The objects that do not depend on any SG or ENI: the three tiers and the helper policies. They read
/// configuration and the VPC's primary CIDR only.
/// </summary>
public static class FixedObjectRenderer
{
    public static IEnumerable<CalicoObject> Render(TranslationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Config;
        var api = config.CalicoApiGroup;
        yield return Tier(api, TierNames.SgRemote, TierNames.SgRemoteOrder, RuleActions.Deny);
        yield return Tier(api, TierNames.SgLocal, TierNames.SgLocalOrder, RuleActions.Deny);
        yield return Tier(api, TierNames.Metadata, TierNames.MetadataOrder, RuleActions.Pass);

        // Most packets (pod to pod, pod to internet) have no SG-governed HostEndpoint at the far end and
        // leave sg-remote here, after one policy, however many SGs the VPC has.
        var ungoverned = new EntityRule { NotSelector = Selectors.SgGoverned };
        yield return Policy(api, PolicyNames.PassUngoverned, TierNames.SgRemote, PolicyOrders.First, Selectors.EnforcedEndpoint,
            ingress: [new Rule { Action = RuleActions.Pass, Source = ungoverned }],
            egress: [new Rule { Action = RuleActions.Pass, Destination = ungoverned }]);

        // What no sg-remote.for-<sg> or address-peers policy passed toward a governed HostEndpoint is denied; anything else (a pod that
        // forged the governed label) passes on to sg-local.
        var governed = new EntityRule { Selector = Selectors.SgGoverned, NamespaceSelector = Selectors.Global };
        yield return Policy(api, PolicyNames.DenyGoverned, TierNames.SgRemote, PolicyOrders.Last, Selectors.EnforcedEndpoint,
            ingress: [new Rule { Action = RuleActions.Deny, Source = governed }, new Rule { Action = RuleActions.Pass }],
            egress: [new Rule { Action = RuleActions.Deny, Destination = governed }, new Rule { Action = RuleActions.Pass }]);

        // AWS never filters the DNS resolver, Time Sync or metadata; this policy also makes sg-local apply
        // (and so default-deny) to every SG-bound endpoint, even one in no SG that has a policy.
        var exempt = AwsServiceAddresses.All(context.VpcPrimaryCidr).Select(Cidr.Host).ToList();
        var ingressExempt = new List<Rule>();
        var egressExempt = new List<Rule>();
        foreach (var version in new[] { 4, 6 })
        {
            var nets = exempt.Where(c => c.IpVersion == version).Select(c => c.ToString()).ToList();
            ingressExempt.Add(new Rule { Action = RuleActions.Pass, IpVersion = version, Source = new EntityRule { Nets = nets } });
            egressExempt.Add(new Rule { Action = RuleActions.Pass, IpVersion = version, Destination = new EntityRule { Nets = nets } });
        }
        yield return Policy(api, PolicyNames.AwsServices, TierNames.SgLocal, PolicyOrders.First, Selectors.SgBoundEndpoint,
            ingress: ingressExempt, egress: egressExempt);

        yield return MetadataPolicy(config);
    }

    private static GlobalNetworkPolicy MetadataPolicy(SgLambdaConfig config)
    {
        // The policy selects the pods that may NOT reach the metadata service; the tier passes the rest.
        // Only the exact value "true" allows; with Allowed, so does leaving the label out. Any other value
        // ("false", "True", "") denies: Calico's != also matches pods without the label, hence has().
        var denied = config.DefaultPodMetadataAccess == MetadataAccess.Allowed
            ? $"{Selectors.Pod} && has({LabelKeys.AllowMetadataAccess}) && {LabelKeys.AllowMetadataAccess} != 'true'"
            : $"{Selectors.Pod} && {LabelKeys.AllowMetadataAccess} != 'true'";
        return new GlobalNetworkPolicy
        {
            ApiVersion = config.CalicoApiGroup,
            Metadata = ObjectFactory.Meta(PolicyNames.InstanceMetadata),
            Spec = new PolicySpec
            {
                Tier = TierNames.Metadata,
                Order = PolicyOrders.First,
                Selector = denied,
                Types = [PolicyTypes.Egress],
                Egress =
                [
                    new Rule { Action = RuleActions.Deny, IpVersion = 4, Destination = new EntityRule { Nets = [Cidr.Host(AwsServiceAddresses.InstanceMetadata).ToString()] } },
                    new Rule { Action = RuleActions.Deny, IpVersion = 6, Destination = new EntityRule { Nets = [Cidr.Host(AwsServiceAddresses.InstanceMetadataIPv6).ToString()] } },
                ],
            },
        };
    }

    private static Tier Tier(string apiVersion, string name, double order, string defaultAction) => new()
    {
        ApiVersion = apiVersion,
        Metadata = ObjectFactory.Meta(name),
        Spec = new TierSpec { Order = order, DefaultAction = defaultAction },
    };

    private static GlobalNetworkPolicy Policy(
        string apiVersion, string name, string tier, double order, string selector, IReadOnlyList<Rule> ingress, IReadOnlyList<Rule> egress) => new()
        {
            ApiVersion = apiVersion,
            Metadata = ObjectFactory.Meta(name),
            Spec = new PolicySpec
            {
                Tier = tier,
                Order = order,
                Selector = selector,
                Types = [PolicyTypes.Ingress, PolicyTypes.Egress],
                Ingress = ingress,
                Egress = egress,
            },
        };
}
