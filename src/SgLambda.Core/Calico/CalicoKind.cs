namespace SgLambda.Core.Calico;

/// <summary>
/// A Calico kind SgLambda reads or writes, and where it lives in the API: its plural resource name and whether it is
/// namespaced (as Calico's CRDs name and scope it). The only kinds there are: a store is never asked for another.
/// </summary>
public sealed class CalicoKind
{
    private CalicoKind(string name, string plural, bool namespaced) => (Name, Plural, Namespaced) = (name, plural, namespaced);

    public static CalicoKind Tier { get; } = new("Tier", "tiers", false);
    public static CalicoKind GlobalNetworkPolicy { get; } = new("GlobalNetworkPolicy", "globalnetworkpolicies", false);
    public static CalicoKind NetworkPolicy { get; } = new("NetworkPolicy", "networkpolicies", true);
    public static CalicoKind HostEndpoint { get; } = new("HostEndpoint", "hostendpoints", false);
    public static CalicoKind GlobalNetworkSet { get; } = new("GlobalNetworkSet", "globalnetworksets", false);

    /// <summary>Every kind, in no particular order of application.</summary>
    public static IReadOnlyList<CalicoKind> All { get; } = [Tier, GlobalNetworkPolicy, NetworkPolicy, HostEndpoint, GlobalNetworkSet];

    /// <summary>The kind as objects spell it (<c>kind: GlobalNetworkPolicy</c>).</summary>
    public string Name { get; }

    /// <summary>The resource's plural name in API paths (<c>globalnetworkpolicies</c>).</summary>
    public string Plural { get; }

    /// <summary>Whether objects of the kind live in a namespace.</summary>
    public bool Namespaced { get; }

    /// <summary>The kind named <paramref name="name"/>; throws for kinds SgLambda does not use.</summary>
    public static CalicoKind Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(kind => kind.Name == name)
            ?? throw new ArgumentException($"\"{name}\" is not a Calico kind SgLambda reads or writes", nameof(name));
    }

    /// <summary>Whether an object of this kind is <paramref name="value"/>'s kind.</summary>
    public bool Is(CalicoObject value) => value is not null && value.Kind == Name;

    public override string ToString() => Name;
}
