using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using SgLambda.Core.Calico;

namespace SgLambda.Core.NetworkPolicies;

/// <summary>
/// The companion of an SG-aware Kubernetes NetworkPolicy (annotation
/// <c>rules.networkpolicy.tigera.io/match-security-groups: "true"</c>). Kubernetes NetworkPolicy selects only
/// pods, so a peer <c>podSelector: {matchLabels: {sg.aws.tigera.io/sg-1: ""}}</c> never matches the EC2
/// instances in that SG. The companion is a Calico NetworkPolicy in the same namespace, owned by the
/// NetworkPolicy (ownerReference, so Kubernetes deletes it with its owner), with the policy's selector and
/// types, and for each such peer a rule with the same action and ports whose peer is the HostEndpoints the
/// selector matches (<c>namespaceSelector: global()</c>). Together with Calico's own conversion of the policy
/// this is the union the removed Calico Enterprise integration computed: the policy's pods plus the SG
/// members' HostEndpoints. The full reconcile writes companions (see docs/architecture.md for why).
/// </summary>
public static class CompanionPolicy
{
    /// <summary>The NetworkPolicy annotation that asks for SG-aware peers.</summary>
    public const string MatchSecurityGroupsAnnotation = "rules.networkpolicy.tigera.io/match-security-groups";

    /// <summary>Label of a companion: its owner's name (shortened with a hash when longer than a label value may be).</summary>
    public const string OwnerLabel = "sglambda.io/network-policy";

    /// <summary>
    /// Prefix of a companion's name. No dot: a dotted Calico policy name must start with its tier
    /// (<c>default.</c>), which some Calico versions strip when they store it.
    /// </summary>
    public const string NamePrefix = "sglambda-";

    private const int MaxNameLength = 63;
    private const int HashLength = 8;

    /// <summary>True when the policy carries the annotation with a true value (as Go's strconv.ParseBool reads it).</summary>
    public static bool IsRequested(KubernetesNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Metadata.Annotations?.GetValueOrDefault(MatchSecurityGroupsAnnotation) is "true" or "True" or "TRUE" or "1" or "t" or "T";
    }

    /// <summary>
    /// The companion, or null when the policy does not ask for one or none of its peers selects on
    /// <c>sg.aws.tigera.io/</c> labels (a pod selector that requires such a label: matchLabels, or In/Exists).
    /// </summary>
    /// <param name="policy">The NetworkPolicy as the API server returns it (with its uid, for the owner reference).</param>
    /// <param name="apiVersion">The Calico API group to write (config <c>calicoApiGroup</c>).</param>
    /// <param name="warnings">Receives one line per rule Calico would drop.</param>
    public static NetworkPolicy? For(KubernetesNetworkPolicy policy, string apiVersion, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(apiVersion);
        if (!IsRequested(policy)) return null;
        var spec = policy.Spec;
        var ingress = new List<Rule>();
        foreach (var (rule, index) in (spec.Ingress ?? []).Select((rule, index) => (rule, index)))
        {
            var peers = HostEndpointPeers(rule.From);
            if (peers.Count > 0) ingress.AddRange(KubernetesNetworkPolicyConverter.RulesOrWarn(policy, $"ingress[{index}]", peers, rule.Ports, ingress: true, warnings));
        }
        var egress = new List<Rule>();
        foreach (var (rule, index) in (spec.Egress ?? []).Select((rule, index) => (rule, index)))
        {
            var peers = HostEndpointPeers(rule.To);
            if (peers.Count > 0) egress.AddRange(KubernetesNetworkPolicyConverter.RulesOrWarn(policy, $"egress[{index}]", peers, rule.Ports, ingress: false, warnings));
        }
        if (ingress.Count == 0 && egress.Count == 0) return null;

        var name = policy.Metadata.Name;
        return new NetworkPolicy
        {
            ApiVersion = apiVersion,
            Metadata = new ObjectMeta
            {
                Name = NameFor(name),
                Namespace = policy.Metadata.Namespace,
                Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                {
                    [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue,
                    [OwnerLabel] = Shorten(name, name, MaxNameLength),
                }),
                OwnerReferences = policy.Metadata.Uid is { Length: > 0 } uid
                    ?
                    [
                        new OwnerReference
                        {
                            ApiVersion = KubernetesNetworkPolicy.ApiVersionValue,
                            Kind = KubernetesNetworkPolicy.KindValue,
                            Name = name,
                            Uid = uid,
                            BlockOwnerDeletion = false,
                        },
                    ]
                    : null,
            },
            Spec = new PolicySpec
            {
                Tier = KubernetesNetworkPolicyConverter.Tier,
                Order = KubernetesNetworkPolicyConverter.Order,
                Selector = KubernetesNetworkPolicyConverter.Selector(spec.PodSelector, forPods: true),
                Types = KubernetesNetworkPolicyConverter.TypesOf(policy),
                Ingress = ingress.Count == 0 ? null : ingress,
                Egress = egress.Count == 0 ? null : egress,
            },
        };
    }

    /// <summary>
    /// The companion's name: <c>sglambda-&lt;name&gt;</c>; a name with dots (one Calico name label only) or too long
    /// gets its dots replaced and a hash of the original name, so two policies never share a companion.
    /// </summary>
    public static string NameFor(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        var body = policyName.Contains('.', StringComparison.Ordinal)
            ? policyName.Replace('.', '-') + "-" + Hash(policyName)
            : policyName;
        return NamePrefix + Shorten(body, policyName, MaxNameLength - NamePrefix.Length);
    }

    /// <summary>True when a peer's pod selector requires an <c>sg.aws.tigera.io/</c> label.</summary>
    public static bool SelectsSecurityGroups(NetworkPolicyPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.IpBlock is not null || peer.PodSelector is not { } selector) return false;
        return (selector.MatchLabels ?? new Dictionary<string, string>()).Keys.Any(IsSecurityGroupKey)
            || (selector.MatchExpressions ?? []).Any(e =>
                IsSecurityGroupKey(e.Key) && e.Operator is LabelSelectorRequirementSpec.In or LabelSelectorRequirementSpec.Exists);
    }

    // The HostEndpoints that carry the labels: the pod selector's own terms (no orchestrator term: HostEndpoints
    // have no such label), in no namespace. Calico selectors treat a missing namespaceSelector on a namespaced
    // policy as "this namespace", which no HostEndpoint is in, hence global().
    private static List<CalicoPeer?> HostEndpointPeers(IReadOnlyList<NetworkPolicyPeer>? peers) =>
        [.. (peers ?? []).Where(SelectsSecurityGroups)
            .Select(peer => (CalicoPeer?)new CalicoPeer(string.Join(" && ", KubernetesNetworkPolicyConverter.Terms(peer.PodSelector!)), "global()", null, null))];

    private static bool IsSecurityGroupKey(string key) => key.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal);

    private static string Shorten(string text, string original, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        return text[..(maxLength - HashLength - 1)].TrimEnd('-', '.') + "-" + Hash(original);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}
