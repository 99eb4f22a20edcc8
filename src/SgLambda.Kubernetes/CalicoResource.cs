namespace SgLambda.Kubernetes;

/// <summary>Where a Calico kind lives in the API: its plural resource name and whether it is namespaced.</summary>
public sealed record CalicoResource(string Kind, string Plural, bool Namespaced)
{
    /// <summary>
    /// A policy that belongs to a tier (its name carries the <c>tier.</c> prefix). Calico 3.32.0's API server cannot
    /// create these by server-side apply (it answers NotFound: projectcalico/calico#12841), so the stores create them.
    /// </summary>
    public bool TieredPolicy => Kind is "GlobalNetworkPolicy" or "NetworkPolicy";

    private static readonly Dictionary<string, CalicoResource> ByKind = new[]
    {
        new CalicoResource("Tier", "tiers", false),
        new CalicoResource("GlobalNetworkPolicy", "globalnetworkpolicies", false),
        new CalicoResource("NetworkPolicy", "networkpolicies", true),
        new CalicoResource("HostEndpoint", "hostendpoints", false),
        new CalicoResource("GlobalNetworkSet", "globalnetworksets", false),
    }.ToDictionary(resource => resource.Kind, StringComparer.Ordinal);

    /// <summary>The resource of a kind (as Calico's CRDs name and scope it); throws for kinds SgLambda does not use.</summary>
    public static CalicoResource For(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return ByKind.TryGetValue(kind, out var resource)
            ? resource
            : throw new ArgumentException($"\"{kind}\" is not a Calico kind SgLambda reads or writes", nameof(kind));
    }
}
