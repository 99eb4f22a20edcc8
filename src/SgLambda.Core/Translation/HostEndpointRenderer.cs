using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>
/// An ENI's HostEndpoint (SEMANTICS.md section 4): a VPC member named after the ENI with all its private
/// IPs on a node name Felix never runs on, or a cluster node <c>node.&lt;name&gt;</c> with its primary IP only.
/// </summary>
public static class HostEndpointRenderer
{
    /// <summary>Calico's profile that allows what every tier passed; without it Felix drops it at a HostEndpoint.</summary>
    public const string DefaultAllowProfile = "projectcalico-default-allow";

    public static HostEndpoint? Render(NetworkInterface eni, TranslationContext context, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(eni);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(warnings);
        var config = context.Config;
        var role = EniClassifier.Classify(eni, config, context.Nodes);
        if (role is EniRole.Ignored) return null;

        var eniId = eni.NetworkInterfaceId.Trim();
        var node = role as EniRole.ClusterNode;
        var ips = node is null ? AllPrivateIps(eni) : PrimaryIps(eni);
        if (ips.Count == 0)
        {
            warnings.Add($"{eniId}: no private IP address; no HostEndpoint");
            return null;
        }

        var groups = eni.Groups.Select(g => g.GroupId.Trim()).Where(g => !config.IsInternal(g)).Distinct(StringComparer.Ordinal).ToList();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LabelKeys.EndpointKind] = node is null ? EndpointKinds.VpcMember : EndpointKinds.ClusterNode,
            [LabelKeys.EniId] = eniId,
            [LabelKeys.VpcId] = config.VpcId,
            [LabelKeys.ResourceType] = role is EniRole.VpcMember member ? member.ResourceType : ResourceTypes.Ec2Instance,
        };
        if (eni.Attachment?.InstanceId?.Trim() is { Length: > 0 } instance) labels[LabelKeys.InstanceId] = instance;
        if (eni.Attachment?.AttachmentId?.Trim() is { Length: > 0 } attachment) labels[LabelKeys.AttachmentId] = attachment;
        if (groups.Count > 0) labels[LabelKeys.SgGoverned] = "true";
        foreach (var group in groups) labels[LabelKeys.SecurityGroup(group)] = "";

        var enforced = node is not null && config.EnforceNodes;
        return new HostEndpoint
        {
            ApiVersion = config.CalicoApiGroup,
            Metadata = ObjectFactory.Meta(node is null ? eniId : "node." + node.NodeName, labels),
            Spec = new HostEndpointSpec
            {
                Node = enforced ? node!.NodeName : config.MemberNodeName,
                // "*" makes an enforced node's endpoint cover all its interfaces, as Calico's automatic ones do.
                InterfaceName = enforced ? "*" : null,
                ExpectedIPs = ips,
                Profiles = node is null ? null : [DefaultAllowProfile],
            },
        };
    }

    /// <summary>Every private IPv4 and IPv6 address of a VPC member.</summary>
    private static List<string> AllPrivateIps(NetworkInterface eni)
    {
        var ips = new List<string>();
        foreach (var address in eni.PrivateIpAddresses) Add(ips, address.PrivateIpAddress);
        Add(ips, eni.PrivateIpAddress);
        foreach (var address in eni.Ipv6Addresses) Add(ips, address.Ipv6Address);
        Add(ips, eni.Ipv6Address);
        return ips;
    }

    /// <summary>
    /// A node's primary private IPv4 and primary IPv6 only: with the Amazon VPC CNI every other address
    /// on a node's ENIs belongs to a pod.
    /// </summary>
    private static List<string> PrimaryIps(NetworkInterface eni)
    {
        var ips = new List<string>();
        Add(ips, eni.PrivateIpAddresses.FirstOrDefault(a => a.Primary)?.PrivateIpAddress ?? eni.PrivateIpAddress);
        Add(ips, eni.Ipv6Addresses.FirstOrDefault(a => a.IsPrimaryIpv6 == true)?.Ipv6Address
            ?? eni.Ipv6Address
            ?? (eni.Ipv6Addresses.Count > 0 ? eni.Ipv6Addresses[0].Ipv6Address : null));
        return ips;
    }

    private static void Add(List<string> ips, string? text)
    {
        if (text is null || !IPAddress.TryParse(text.Trim(), out var address)) return;
        var canonical = address.ToString();
        if (!ips.Contains(canonical, StringComparer.Ordinal)) ips.Add(canonical);
    }
}
