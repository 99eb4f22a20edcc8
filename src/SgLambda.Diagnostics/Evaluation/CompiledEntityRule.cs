using System.Globalization;
using System.Net;
using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// A rule's <c>source</c> or <c>destination</c>, ready to match: CIDRs parsed, and the selectors combined
/// the way Calico combines them (namespaceSelector ANDed into <c>selector</c>, never into <c>notSelector</c>).
/// </summary>
internal sealed record CompiledEntityRule(
    IReadOnlyList<IpCidr>? Nets,
    IReadOnlyList<IpCidr>? NotNets,
    LabelSelector? Selector,
    LabelSelector? NotSelector,
    IReadOnlyList<PortRange>? Ports)
{
    public static readonly CompiledEntityRule Any = new(null, null, null, null, null);

    /// <param name="rule">The entity rule (null = anything).</param>
    /// <param name="policyNamespace">The namespace of a NetworkPolicy; null for a GlobalNetworkPolicy.</param>
    public static CompiledEntityRule Compile(EntityRule? rule, string? policyNamespace)
    {
        if (rule is null) return Any;
        var namespaceSelector = string.IsNullOrWhiteSpace(rule.NamespaceSelector)
            ? policyNamespace is null ? null : LabelSelector.Parse($"{LabelSelector.NamespaceLabel} == '{policyNamespace}'")
            : LabelSelector.Parse(rule.NamespaceSelector).AsNamespaceSelector();
        var selector = string.IsNullOrWhiteSpace(rule.Selector) ? null : LabelSelector.Parse(rule.Selector);
        var notSelector = string.IsNullOrWhiteSpace(rule.NotSelector) ? null : LabelSelector.Parse(rule.NotSelector);
        // As libcalico-go's rule conversion: the namespace part only scopes a rule that selects something.
        var scopes = selector is not null || notSelector is not null || !string.IsNullOrWhiteSpace(rule.NamespaceSelector);
        if (namespaceSelector is not null && scopes)
        {
            selector = selector is null ? namespaceSelector : namespaceSelector.And(selector);
        }
        return new CompiledEntityRule(
            ParseNets(rule.Nets),
            ParseNets(rule.NotNets),
            selector,
            notSelector,
            rule.Ports is { Count: > 0 } ports ? ports.Select(ParsePort).ToList() : null);
    }

    /// <param name="address">The address on this side of the flow.</param>
    /// <param name="port">The port on this side (null for a source: flows carry no source port).</param>
    /// <param name="selects">Whether an address belongs to something the selector matches.</param>
    public bool Matches(IPAddress address, int? port, Func<IPAddress, LabelSelector, bool> selects)
    {
        if (Nets is not null && !Nets.Any(net => net.Contains(address))) return false;
        if (NotNets is not null && NotNets.Any(net => net.Contains(address))) return false;
        if (Ports is not null && (port is not { } p || !Ports.Any(range => range.Contains(p)))) return false;
        if (Selector is not null && !selects(address, Selector)) return false;
        if (NotSelector is not null && selects(address, NotSelector)) return false;
        return true;
    }

    private static List<IpCidr>? ParseNets(IReadOnlyList<string>? nets) =>
        nets is { Count: > 0 } ? nets.Select(IpCidr.Parse).ToList() : null;

    /// <summary>A number, or "from:to". A named port (a pod's container port) is not modelled and matches nothing.</summary>
    private static PortRange ParsePort(IntOrString port)
    {
        if (port.Number is { } number) return new PortRange(number, number);
        var text = port.Text ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single)
                ? new PortRange(single, single)
                : new PortRange(1, 0);
        }
        if (int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            return new PortRange(from, to);
        }
        throw new FormatException($"\"{text}\" is not a port or port range");
    }
}
