namespace SgLambda.Kubernetes;

/// <summary>Where a Calico kind lives in the API: its plural resource name and whether it is namespaced.</summary>
public sealed record CalicoResource(string Kind, string Plural, bool Namespaced)
{
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
