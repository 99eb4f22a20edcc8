using System.Net;
using System.Net.Sockets;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// Turns an <c>explain</c> argument into an endpoint and its addresses: <c>namespace/name</c> (a pod),
/// <c>eni-...</c>, <c>i-...</c>, an IP address, or a name (a node, or a pod whose name is unique).
/// Says what was not found, or what an ambiguous name could mean.
/// </summary>
public sealed class EndpointResolver
{
    private readonly ExplainInputs _inputs;

    public EndpointResolver(ExplainInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = inputs;
    }

    /// <param name="subject">The option the text came from, for messages (<c>--from</c>).</param>
    /// <param name="text">What the user wrote.</param>
    /// <exception cref="ExplainQueryException">Nothing, or more than one thing, has that name.</exception>
    public ResolvedEndpoint Resolve(string subject, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = text.Trim();
        if (query.Length == 0) throw new ExplainQueryException(subject, "\"\"", "empty; give a pod (namespace/name), an ENI id, an instance id, a node name or an IP address");
        if (IPAddress.TryParse(query, out var address) && query.Contains(address.AddressFamily == AddressFamily.InterNetworkV6 ? ':' : '.', StringComparison.Ordinal))
            return new ResolvedEndpoint(ExplainEndpointKind.Address, query, address.ToString(), [address]);
        if (query.StartsWith("eni-", StringComparison.Ordinal)) return NetworkInterface(subject, query);
        if (query.StartsWith("i-", StringComparison.Ordinal)) return Instance(subject, query);
        var slash = query.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (IPAddress.TryParse(query[..slash], out _)) throw new ExplainQueryException(subject, query, "give one IP address, not a CIDR");
            return Pod(subject, query, query[..slash], query[(slash + 1)..]);
        }
        return ByName(subject, query);
    }

    private ResolvedEndpoint Pod(string subject, string query, string ns, string name)
    {
        var pod = _inputs.Pods.FirstOrDefault(p => string.Equals(p.Namespace, ns, StringComparison.Ordinal) && string.Equals(p.Name, name, StringComparison.Ordinal))
            ?? throw new ExplainQueryException(subject, query, $"no pod \"{name}\" in namespace \"{ns}\"" + (_inputs.Pods.Count == 0 ? " (no pods were loaded: pass --pods, or use a live cluster)" : ""));
        return PodEndpoint(subject, query, pod);
    }

    private static ResolvedEndpoint PodEndpoint(string subject, string query, ClusterPod pod) =>
        new(ExplainEndpointKind.Pod, query, $"{pod.Namespace}/{pod.Name}",
            pod.Ip is { } ip ? [ip] : throw new ExplainQueryException(subject, query, "the pod has no IP address yet (status.podIP is empty)"));

    private ResolvedEndpoint NetworkInterface(string subject, string query)
    {
        var eni = _inputs.Aws.NetworkInterfaces.FirstOrDefault(e => string.Equals(e.NetworkInterfaceId, query, StringComparison.Ordinal))
            ?? throw new ExplainQueryException(subject, query, "no such network interface in the AWS state (enis.json, or the VPC read live)");
        return new ResolvedEndpoint(ExplainEndpointKind.NetworkInterface, query, query, Addresses(eni, subject, query));
    }

    private ResolvedEndpoint Instance(string subject, string query)
    {
        var enis = _inputs.Aws.NetworkInterfaces
            .Where(e => string.Equals(e.Attachment?.InstanceId, query, StringComparison.Ordinal))
            .ToList();
        if (enis.Count == 0) throw new ExplainQueryException(subject, query, "no network interface of this instance in the AWS state (enis.json, or the VPC read live)");
        var primary = enis.FirstOrDefault(IsPrimary)
            ?? throw new ExplainQueryException(subject, query, $"the instance has no primary network interface (device index 0) among {string.Join(", ", enis.Select(e => e.NetworkInterfaceId))}");
        return new ResolvedEndpoint(ExplainEndpointKind.Instance, query, query, Addresses(primary, subject, query));
    }

    private ResolvedEndpoint ByName(string subject, string query)
    {
        var candidates = new List<ResolvedEndpoint>();
        if (Node(query) is { } node) candidates.Add(node);
        foreach (var pod in _inputs.Pods.Where(p => string.Equals(p.Name, query, StringComparison.Ordinal)))
            candidates.Add(PodEndpoint(subject, query, pod));
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ExplainQueryException(subject, query, "no node or pod of that name (a pod is namespace/name; ENIs are eni-..., instances i-...)"),
            _ => throw new ExplainQueryException(subject, query,
                $"ambiguous: it names {string.Join(", ", candidates.Select(c => c.ToString()))}; name a pod as namespace/name"),
        };
    }

    /// <summary>A node by its Kubernetes name: its instance's primary ENI, else the addresses of its HostEndpoint.</summary>
    private ResolvedEndpoint? Node(string name)
    {
        var instanceId = _inputs.Aws.Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal))?.InstanceId;
        var primary = _inputs.Aws.NetworkInterfaces.FirstOrDefault(e =>
            IsPrimary(e) && (instanceId is not null
                ? string.Equals(e.Attachment!.InstanceId, instanceId, StringComparison.Ordinal)
                : string.Equals(e.PrivateDnsName, name, StringComparison.Ordinal)));
        if (primary is not null && PrimaryAddresses(primary) is { Count: > 0 } addresses)
            return new ResolvedEndpoint(ExplainEndpointKind.Node, name, name, addresses);
        var hostEndpoint = _inputs.Cluster.OfType<HostEndpoint>()
            .FirstOrDefault(h => string.Equals(h.Spec.Node, name, StringComparison.Ordinal) && h.Spec.ExpectedIPs is { Count: > 0 });
        if (hostEndpoint is null) return null;
        var expected = hostEndpoint.Spec.ExpectedIPs!.Select(Parse).OfType<IPAddress>().ToList();
        return expected.Count == 0 ? null : new ResolvedEndpoint(ExplainEndpointKind.Node, name, name, expected);
    }

    private static List<IPAddress> Addresses(NetworkInterface eni, string subject, string query)
    {
        var addresses = PrimaryAddresses(eni);
        return addresses.Count > 0 ? addresses : throw new ExplainQueryException(subject, query, "the network interface has no private IP address");
    }

    /// <summary>The primary private IPv4, then the primary IPv6: the addresses a connection from the ENI uses.</summary>
    private static List<IPAddress> PrimaryAddresses(NetworkInterface eni)
    {
        string?[] texts =
        [
            eni.PrivateIpAddresses.FirstOrDefault(a => a.Primary)?.PrivateIpAddress ?? eni.PrivateIpAddress,
            eni.Ipv6Addresses.FirstOrDefault(a => a.IsPrimaryIpv6 == true)?.Ipv6Address ?? eni.Ipv6Address ?? (eni.Ipv6Addresses.Count > 0 ? eni.Ipv6Addresses[0].Ipv6Address : null),
        ];
        return texts.Select(Parse).OfType<IPAddress>().ToList();
    }

    private static bool IsPrimary(NetworkInterface eni) =>
        eni.Attachment is { DeviceIndex: 0, InstanceId: not null } attachment && (attachment.NetworkCardIndex ?? 0) == 0;

    private static IPAddress? Parse(string? text)
    {
        if (text is null) return null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address) ? address : null;
    }
}
