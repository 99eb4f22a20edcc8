using System.Globalization;
using SgLambda.Core.Calico;
using SgLambda.Core.Net;

namespace SgLambda.Core.NetworkPolicies;

/// <summary>
/// Converts a Kubernetes NetworkPolicy into the Calico NetworkPolicy that Calico itself makes of it
/// (libcalico-go <c>lib/backend/k8s/conversion/conversion.go</c>, <c>K8sNetworkPolicyToCalico</c>): name
/// <c>knp.default.&lt;name&gt;</c>, tier <c>default</c>, order 1000, pod selectors ANDed with
/// <c>projectcalico.org/orchestrator == 'k8s'</c>, namespaceSelectors in <c>namespaceSelector</c> (empty =
/// <c>all()</c>), ipBlocks as <c>nets</c>/<c>notNets</c>, one Allow rule per protocol and peer, ports merged
/// into ranges. With the result, the Calico evaluator (<c>SgLambda.Diagnostics.Evaluation</c>) evaluates Kubernetes NetworkPolicy
/// exactly as Felix enforces it (tests, and <c>sglambda explain</c>).
/// </summary>
/// <remarks>
/// A rule Calico cannot convert (a bad port, a named port with an end port) is dropped, as Calico drops it,
/// and named in the warnings. One deviation: an ipBlock whose CIDR does not parse (the API server never stores
/// one) drops its rule instead of matching everything.
/// </remarks>
public static class KubernetesNetworkPolicyConverter
{
    /// <summary>The name prefix Calico gives converted Kubernetes policies.</summary>
    public const string NamePrefix = "knp.default.";

    /// <summary>The order Calico gives every converted Kubernetes policy.</summary>
    public const double Order = 1000;

    /// <summary>The tier of converted Kubernetes policies.</summary>
    public const string Tier = "default";

    /// <summary>Calico's selector term for "a Kubernetes pod" (every workload endpoint carries the label).</summary>
    public const string OrchestratorTerm = "projectcalico.org/orchestrator == 'k8s'";

    private const string Tcp = "TCP";

    /// <param name="policy">The policy as the API server returns it.</param>
    /// <param name="apiVersion">The Calico API group to label the result with (the model is the same in both).</param>
    /// <param name="warnings">Receives one line per rule Calico would drop.</param>
    public static NetworkPolicy Convert(KubernetesNetworkPolicy policy, string apiVersion = "projectcalico.org/v3", ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(apiVersion);
        var spec = policy.Spec;
        var ingress = new List<Rule>();
        foreach (var (rule, index) in (spec.Ingress ?? []).Select((rule, index) => (rule, index)))
        {
            var peers = (rule.From ?? []).Select(peer => PeerOf(peer)).ToList();
            ingress.AddRange(RulesOrWarn(policy, $"ingress[{index}]", peers, rule.Ports, ingress: true, warnings));
        }
        var egress = new List<Rule>();
        foreach (var (rule, index) in (spec.Egress ?? []).Select((rule, index) => (rule, index)))
        {
            var peers = (rule.To ?? []).Select(peer => PeerOf(peer)).ToList();
            egress.AddRange(RulesOrWarn(policy, $"egress[{index}]", peers, rule.Ports, ingress: false, warnings));
        }

        return new NetworkPolicy
        {
            ApiVersion = apiVersion,
            Metadata = new ObjectMeta { Name = NamePrefix + policy.Metadata.Name, Namespace = policy.Metadata.Namespace },
            Spec = new PolicySpec
            {
                Tier = Tier,
                Order = Order,
                Selector = Selector(spec.PodSelector, forPods: true),
                Types = TypesOf(policy),
                // As the Calico API server prints it: an empty list is left out.
                Ingress = ingress.Count == 0 ? null : ingress,
                Egress = egress.Count == 0 ? null : egress,
            },
        };
    }

    /// <summary>
    /// The policy's types as Calico computes them from <c>policyTypes</c> after the API server defaulted it
    /// (empty: Ingress, plus Egress when there are egress rules). A policy with neither applies to ingress.
    /// </summary>
    public static IReadOnlyList<string> TypesOf(KubernetesNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var declared = policy.Spec.PolicyTypes is { Count: > 0 } given
            ? given
            : policy.Spec.Egress is { Count: > 0 } ? [PolicyTypes.Ingress, PolicyTypes.Egress] : [PolicyTypes.Ingress];
        var types = new List<string>();
        if (declared.Contains(PolicyTypes.Ingress, StringComparer.Ordinal)) types.Add(PolicyTypes.Ingress);
        if (declared.Contains(PolicyTypes.Egress, StringComparer.Ordinal)) types.Add(PolicyTypes.Egress);
        if (types.Count == 0) types.Add(PolicyTypes.Ingress);
        return types;
    }

    /// <summary>
    /// A Kubernetes label selector in Calico's language: matchLabels sorted by key as <c>k == 'v'</c>, then
    /// matchExpressions in order (<c>k in { 'a', 'b' }</c>, <c>k not in { ... }</c>, <c>has(k)</c>, <c>! has(k)</c>),
    /// joined by <c>&amp;&amp;</c>. For pods the orchestrator term comes first; an empty namespace selector is <c>all()</c>.
    /// </summary>
    public static string Selector(LabelSelectorSpec? selector, bool forPods)
    {
        var terms = new List<string>();
        if (forPods) terms.Add(OrchestratorTerm);
        if (selector is null) return string.Join(" && ", terms);
        if (!forPods && selector.IsEmpty) return "all()";
        terms.AddRange(Terms(selector));
        return string.Join(" && ", terms);
    }

    /// <summary>The selector's own terms (no orchestrator term), in Calico's order and format.</summary>
    internal static IEnumerable<string> Terms(LabelSelectorSpec selector)
    {
        foreach (var key in (selector.MatchLabels ?? new Dictionary<string, string>()).Keys.Order(StringComparer.Ordinal))
            yield return $"{key} == '{selector.MatchLabels![key]}'";
        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = string.Join("', '", expression.Values ?? []);
            var term = expression.Operator switch
            {
                LabelSelectorRequirementSpec.In => $"{expression.Key} in {{ '{values}' }}",
                LabelSelectorRequirementSpec.NotIn => $"{expression.Key} not in {{ '{values}' }}",
                LabelSelectorRequirementSpec.Exists => $"has({expression.Key})",
                LabelSelectorRequirementSpec.DoesNotExist => $"! has({expression.Key})",
                _ => null,
            };
            if (term is not null) yield return term;
        }
    }

    /// <summary>Calico's rules for one Kubernetes rule's peers and ports; a port it cannot convert drops the rule.</summary>
    internal static IEnumerable<Rule> RulesOrWarn(
        KubernetesNetworkPolicy policy, string rulePath, IReadOnlyList<CalicoPeer?> peers, IReadOnlyList<NetworkPolicyPort>? ports, bool ingress, ICollection<string>? warnings)
    {
        try
        {
            if (peers.Any(peer => peer is null)) throw new FormatException("an ipBlock CIDR is not a CIDR");
            return Rules(peers.Select(peer => peer!).ToList(), ports ?? [], ingress);
        }
        catch (FormatException problem)
        {
            warnings?.Add($"{policy}: spec.{rulePath} dropped, as Calico drops it: {problem.Message}");
            return [];
        }
    }

    /// <summary>
    /// <c>k8sRuleToCalico</c>: ports grouped by protocol (a port without a number opens every port of its protocol;
    /// an empty port opens everything), then one Allow rule per protocol (sorted) and peer.
    /// </summary>
    private static List<Rule> Rules(List<CalicoPeer> peers, IReadOnlyList<NetworkPolicyPort> ports, bool ingress)
    {
        // protocol ("" = any) -> ports (null = every port)
        var byProtocol = new SortedDictionary<string, List<IntOrString>?>(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            var protocol = port.Protocol ?? Tcp;
            var numbers = PortOf(port);
            if (numbers is null)
            {
                byProtocol[protocol] = null;
            }
            else if (!byProtocol.TryGetValue(protocol, out var existing))
            {
                byProtocol[protocol] = [numbers.Value];
            }
            else
            {
                existing?.Add(numbers.Value);
            }
        }
        if (ports.Count == 0) byProtocol[""] = null;

        var rules = new List<Rule>();
        foreach (var (protocol, protocolPorts) in byProtocol)
        {
            var simplified = protocolPorts is null ? null : SimplifyPorts(protocolPorts);
            IntOrString? calicoProtocol = protocol.Length == 0 ? (IntOrString?)null : IntOrString.Of(protocol);
            foreach (var peer in peers.Count == 0 ? [CalicoPeer.Anything] : peers)
            {
                var entity = new EntityRule
                {
                    Selector = Empty(peer.Selector),
                    NamespaceSelector = Empty(peer.NamespaceSelector),
                    Nets = peer.Nets,
                    NotNets = peer.NotNets is { Count: > 0 } ? peer.NotNets : null,
                };
                rules.Add(ingress
                    ? new Rule
                    {
                        Action = RuleActions.Allow,
                        Protocol = calicoProtocol,
                        Source = IsAnything(entity) ? null : entity,
                        Destination = simplified is null ? null : new EntityRule { Ports = simplified },
                    }
                    : new Rule
                    {
                        Action = RuleActions.Allow,
                        Protocol = calicoProtocol,
                        Destination = IsAnything(entity) && simplified is null ? null : entity with { Ports = simplified! },
                    });
            }
        }
        return rules;
    }

    /// <summary>The peer's Calico fields; null when its ipBlock does not parse.</summary>
    internal static CalicoPeer? PeerOf(NetworkPolicyPeer peer)
    {
        if (peer.IpBlock is { } block)
        {
            if (!Cidr.TryParse(block.Cidr, out var net) || !block.Cidr.Contains('/', StringComparison.Ordinal)) return null;
            var notNets = new List<string>();
            foreach (var exception in block.Except ?? [])
            {
                if (!Cidr.TryParse(exception, out var excluded) || !exception.Contains('/', StringComparison.Ordinal)) return null;
                notNets.Add(excluded.ToString());
            }
            return new CalicoPeer(null, null, [net.ToString()], notNets);
        }
        return new CalicoPeer(
            Selector(peer.PodSelector, forPods: true),
            peer.NamespaceSelector is null ? null : Selector(peer.NamespaceSelector, forPods: false),
            null,
            null);
    }

    /// <summary><c>k8sPortToCalico</c>: the port (with <c>:endPort</c>) as Calico parses it; null when the port has no number or name.</summary>
    private static IntOrString? PortOf(NetworkPolicyPort port)
    {
        if (port.Port is not { } value) return null;
        var text = value.ToString() + (port.EndPort is { } end ? ":" + end.ToString(CultureInfo.InvariantCulture) : "");
        return ParseCalicoPort(text);
    }

    /// <summary>numorstring.PortFromString: a number 0-65535, <c>min:max</c>, or a port name.</summary>
    private static IntOrString ParseCalicoPort(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            return single is >= 0 and <= 65535 ? IntOrString.Of(single) : throw new FormatException($"invalid port {text}: port out of range");
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
                && min is >= 0 and <= 65535 && max is >= 0 and <= 65535 && min <= max)
            {
                return min == max ? IntOrString.Of(min) : IntOrString.Of($"{min}:{max}");
            }
            throw new FormatException($"invalid port {text}: not a port range");
        }
        return IsPortName(text) ? IntOrString.Of(text) : throw new FormatException($"invalid port {text}: not a port name");
    }

    // Calico's port names: letters, digits, '-' and '_', at most 128, starting with a letter or digit... as the
    // API server already validated container port names, accept the IANA_SVC_NAME characters.
    private static bool IsPortName(string text) =>
        text.Length is > 0 and <= 128 && char.IsAsciiLetterOrDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>SimplifyPorts: named ports first as given, then the numbers merged into minimal ranges.</summary>
    private static List<IntOrString> SimplifyPorts(List<IntOrString> ports)
    {
        if (ports.Count <= 1) return ports;
        var output = new List<IntOrString>();
        var numbers = new List<int>();
        foreach (var port in ports)
        {
            if (port.Number is { } number)
            {
                numbers.Add(number);
            }
            else if (RangeOf(port) is var (min, max))
            {
                for (var p = min; p <= max; p++) numbers.Add(p);
            }
            else
            {
                output.Add(port);
            }
        }
        if (numbers.Count <= 1) return ports;
        numbers.Sort();
        var index = 0;
        while (index < numbers.Count)
        {
            var first = numbers[index];
            var last = first;
            index++;
            while (index < numbers.Count && numbers[index] <= last + 1) last = numbers[index++];
            output.Add(first == last ? IntOrString.Of(first) : IntOrString.Of($"{first}:{last}"));
        }
        return output;
    }

    private static (int Min, int Max)? RangeOf(IntOrString port)
    {
        var text = port.Text ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        return (int.Parse(text.AsSpan(0, colon), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(colon + 1), CultureInfo.InvariantCulture));
    }

    private static bool IsAnything(EntityRule entity) =>
        entity.Selector is null && entity.NamespaceSelector is null && entity.Nets is null && entity.NotNets is null && entity.Ports is null;

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
