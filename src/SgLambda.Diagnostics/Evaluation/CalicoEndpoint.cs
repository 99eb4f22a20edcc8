using System.Net;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// Something Calico selectors see: its labels as selectors see them (for pods, with the labels Calico
/// adds), and the addresses it stands for. <see cref="Enforced"/> is true when Felix applies policy to
/// it (every pod; a HostEndpoint on a Kubernetes node); a GlobalNetworkSet is never enforced.
/// </summary>
public sealed record CalicoEndpoint(
    CalicoEndpointKind Kind,
    string Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<IpCidr> Addresses,
    bool Enforced,
    IReadOnlyList<string> Profiles)
{
    public bool Contains(IPAddress address) => Addresses.Any(cidr => cidr.Contains(address));

    public override string ToString() => Kind switch
    {
        CalicoEndpointKind.Pod => $"pod {Namespace}/{Name}",
        CalicoEndpointKind.HostEndpoint => $"HostEndpoint {Name}{(Enforced ? "" : " (not enforced)")}",
        _ => $"GlobalNetworkSet {Name}",
    };
}
