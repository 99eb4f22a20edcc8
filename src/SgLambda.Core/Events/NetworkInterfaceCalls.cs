using System.Text.Json;

namespace SgLambda.Core.Events;

/// <summary>Network interface calls: each changes the HostEndpoint of the ENI it names.</summary>
internal static class NetworkInterfaceCalls
{
    /// <summary>responseElements.networkInterface: networkInterfaceId, vpcId.</summary>
    public static CallEffect Create(CloudTrailCall call)
    {
        var created = call.Response["networkInterface"];
        var eni = created["networkInterfaceId"].RequiredId(Ids.NetworkInterface, Ids.NetworkInterfaceKind);
        return new AffectedBuilder()
            .NetworkInterface(eni)
            .Vpc(created["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind))
            .Effect($"network interface {eni} created");
    }

    public static CallEffect Delete(CloudTrailCall call)
    {
        var eni = call.Request["networkInterfaceId"].RequiredId(Ids.NetworkInterface, Ids.NetworkInterfaceKind);
        return new AffectedBuilder().NetworkInterface(eni).Effect($"network interface {eni} deleted");
    }

    /// <summary>
    /// Every attribute counts, not only groupSet: the description decides the resource-type label and
    /// whether the VPC CNI owns the ENI, and re-reading one ENI is cheap.
    /// </summary>
    public static CallEffect AttributeModified(CloudTrailCall call)
    {
        var eni = call.Request["networkInterfaceId"].RequiredId(Ids.NetworkInterface, Ids.NetworkInterfaceKind);
        var attributes = call.Request.Value.ValueKind == JsonValueKind.Object
            ? call.Request.Value.EnumerateObject().Select(p => p.Name).Where(n => !string.Equals(n, "networkInterfaceId", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        var what = attributes.Count == 0 ? "" : $" ({JsonField.Printable(string.Join(", ", attributes))})";
        return new AffectedBuilder().NetworkInterface(eni).Effect($"network interface {eni} changed{what}");
    }

    /// <summary>requestParameters: networkInterfaceId, instanceId, deviceIndex.</summary>
    public static CallEffect Attach(CloudTrailCall call)
    {
        var eni = call.Request["networkInterfaceId"].RequiredId(Ids.NetworkInterface, Ids.NetworkInterfaceKind);
        var instance = call.Request["instanceId"].OptionalId(Ids.Instance, Ids.InstanceKind);
        return new AffectedBuilder()
            .NetworkInterface(eni)
            .Instance(instance)
            .Effect(instance is null ? $"network interface {eni} attached" : $"network interface {eni} attached to {instance}");
    }

    /// <summary>
    /// DetachNetworkInterface names only the attachment: requestParameters.attachmentId (the API's
    /// AttachmentId in CloudTrail's camelCase; no public record of this call was found to confirm it).
    /// </summary>
    public static CallEffect Detach(CloudTrailCall call)
    {
        var attachment = call.Request["attachmentId"].RequiredId(Ids.Attachment, Ids.AttachmentKind);
        return new AffectedBuilder().Attachment(attachment).Effect($"network interface attachment {attachment} detached");
    }

    /// <summary>
    /// Assign/UnassignPrivateIpAddresses change the ENI's expected IPs: requestParameters.networkInterfaceId
    /// (the API's NetworkInterfaceId in camelCase; responseElements.networkInterfaceId as a fallback).
    /// </summary>
    public static CallEffect PrivateIpsChanged(CloudTrailCall call)
    {
        var requested = call.Request["networkInterfaceId"];
        var eni = requested.OptionalId(Ids.NetworkInterface, Ids.NetworkInterfaceKind)
            ?? call.Response["networkInterfaceId"].OptionalId(Ids.NetworkInterface, Ids.NetworkInterfaceKind)
            ?? throw JsonField.Malformed($"{requested.Path} is missing (expected {Ids.NetworkInterfaceKind} id)");
        return new AffectedBuilder().NetworkInterface(eni).Effect($"private IPs of network interface {eni} changed ({call.EventName})");
    }

    /// <summary>Assign/UnassignIpv6Addresses: requestParameters.networkInterfaceId, as for the private IPs.</summary>
    public static CallEffect Ipv6AddressesChanged(CloudTrailCall call)
    {
        var requested = call.Request["networkInterfaceId"];
        var eni = requested.OptionalId(Ids.NetworkInterface, Ids.NetworkInterfaceKind)
            ?? call.Response["networkInterfaceId"].OptionalId(Ids.NetworkInterface, Ids.NetworkInterfaceKind)
            ?? throw JsonField.Malformed($"{requested.Path} is missing (expected {Ids.NetworkInterfaceKind} id)");
        return new AffectedBuilder().NetworkInterface(eni).Effect($"IPv6 addresses of network interface {eni} changed ({call.EventName})");
    }
}
