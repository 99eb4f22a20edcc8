using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>Elastic network interfaces.</summary>
public sealed partial class Ec2Account
{
    /// <summary>Seeds an ENI (attached to an instance when the spec names one) and returns it.</summary>
    public Ec2NetworkInterface AddNetworkInterface(NetworkInterfaceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (Gate)
        {
            var subnet = spec.SubnetId is { } subnetId
                ? GetSubnet(subnetId)
                : FirstSubnetOf(spec.VpcId ?? throw new ArgumentException("an ENI needs a subnet or a VPC", nameof(spec)));
            var eni = CreateNetworkInterface(subnet, spec.Description, spec.GroupIds, spec.PrivateIpAddresses,
                spec.SecondaryPrivateIpAddressCount, spec.Ipv6Addresses, spec.Tags) with
            {
                InterfaceType = spec.InterfaceType,
                RequesterId = spec.RequesterId,
                RequesterManaged = spec.RequesterManaged,
            };
            _interfaces[eni.NetworkInterfaceId] = eni;
            if (spec.InstanceId is { } instanceId) Attach(eni.NetworkInterfaceId, instanceId, spec.DeviceIndex, 0);
            return _interfaces[eni.NetworkInterfaceId];
        }
    }

    internal Ec2NetworkInterface CreateNetworkInterface(
        Ec2Subnet subnet,
        string description,
        IReadOnlyList<string> groupIds,
        IReadOnlyList<string> privateIps,
        int secondaryCount,
        IReadOnlyList<string> ipv6Addresses,
        IReadOnlyList<Tag> tags)
    {
        var groupsOfEni = ResolveGroups(subnet.VpcId, groupIds);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in privateIps)
        {
            ValidateChosenIp(subnet, address, chosen);
            chosen.Add(address);
        }
        var addresses = privateIps.ToList();
        if (addresses.Count == 0) addresses.Add(AllocateAndTake(subnet, chosen));
        for (var i = 0; i < secondaryCount; i++) addresses.Add(AllocateAndTake(subnet, chosen));
        foreach (var address in ipv6Addresses)
        {
            if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
                throw Ec2Errors.InvalidParameterValue($"Invalid IPv6 address: '{address}'");
        }
        var eni = new Ec2NetworkInterface(Ids.Next("eni"), subnet.SubnetId, subnet.VpcId, subnet.AvailabilityZone, AccountId, Ids.MacAddress())
        {
            Description = description,
            GroupIds = groupsOfEni,
            PrivateIps = [.. addresses.Select((a, i) => new Ec2PrivateIp(a, i == 0))],
            Ipv6Addresses = [.. ipv6Addresses],
            Tags = tags,
        };
        _interfaces.Add(eni.NetworkInterfaceId, eni);
        return eni;
    }

    internal void DeleteNetworkInterface(string id)
    {
        var eni = GetNetworkInterface(id);
        if (eni.Attachment is not null) throw Ec2Errors.NetworkInterfaceInUse(id);
        _interfaces.Remove(id);
    }

    internal Ec2Attachment Attach(string eniId, string instanceId, int deviceIndex, int networkCardIndex)
    {
        var eni = GetNetworkInterface(eniId);
        var instance = _instances.GetValueOrDefault(instanceId) ?? throw Ec2Errors.InstanceNotFound([instanceId]);
        if (instance.State is not (InstanceStates.Running or InstanceStates.Stopped or InstanceStates.Pending))
            throw Ec2Errors.IncorrectInstanceState(instanceId, instance.State);
        if (eni.Attachment is not null) throw Ec2Errors.NetworkInterfaceInUse(eniId);
        if (!string.Equals(eni.AvailabilityZone, instance.AvailabilityZone, StringComparison.Ordinal))
            throw Ec2Errors.InvalidParameterCombination($"You may not attach a network interface to an instance if they are not in the same availability zone");
        if (_interfaces.Values.Any(e => e.Attachment is { } a && string.Equals(a.InstanceId, instanceId, StringComparison.Ordinal)
                && a.DeviceIndex == deviceIndex && a.NetworkCardIndex == networkCardIndex))
            throw Ec2Errors.InvalidParameterValue($"Instance '{instanceId}' already has an interface attached at device index '{deviceIndex}'.");
        var attachment = new Ec2Attachment(Ids.Next("eni-attach"), instanceId, AccountId, deviceIndex, networkCardIndex, "attached", Now,
            DeleteOnTermination: false);
        _interfaces[eniId] = eni with { Attachment = attachment, Status = "in-use" };
        return attachment;
    }

    internal void Detach(string attachmentId)
    {
        var eni = _interfaces.Values.FirstOrDefault(e => string.Equals(e.Attachment?.AttachmentId, attachmentId, StringComparison.Ordinal))
            ?? throw Ec2Errors.AttachmentNotFound(attachmentId);
        if (eni.Attachment is { InstanceId: not null, DeviceIndex: 0 })
            throw Ec2Errors.OperationNotPermitted($"The network interface at device index 0 cannot be detached.");
        if (eni.Attachment is { InstanceId: null })
            throw Ec2Errors.OperationNotPermitted($"You do not have permission to access the specified resource.");
        _interfaces[eni.NetworkInterfaceId] = eni with { Attachment = null, Status = "available" };
    }

    /// <summary>Replaces an ENI's security groups; all must exist and be in the ENI's VPC.</summary>
    internal void SetGroups(string eniId, IReadOnlyList<string> groupIds)
    {
        var eni = GetNetworkInterface(eniId);
        if (groupIds.Count == 0) throw Ec2Errors.MissingParameter("SecurityGroupId");
        _interfaces[eniId] = eni with { GroupIds = ResolveGroups(eni.VpcId, groupIds) };
    }

    internal void SetInterfaceType(string eniId, string interfaceType) =>
        _interfaces[eniId] = GetNetworkInterface(eniId) with { InterfaceType = interfaceType };

    internal void SetDescription(string eniId, string description) =>
        _interfaces[eniId] = GetNetworkInterface(eniId) with { Description = description };

    internal void SetSourceDestCheck(string eniId, bool check) =>
        _interfaces[eniId] = GetNetworkInterface(eniId) with { SourceDestCheck = check };

    /// <summary>Adds secondary private IPs, chosen or allocated; returns those added.</summary>
    internal IReadOnlyList<string> AssignPrivateIps(string eniId, IReadOnlyList<string> chosen, int count)
    {
        var eni = GetNetworkInterface(eniId);
        if (chosen.Count == 0 && count <= 0)
            throw Ec2Errors.MissingParameter("PrivateIpAddress or SecondaryPrivateIpAddressCount");
        if (chosen.Count > 0 && count > 0)
            throw Ec2Errors.InvalidParameterCombination("Specify either PrivateIpAddress or SecondaryPrivateIpAddressCount, not both");
        var subnet = GetSubnet(eni.SubnetId);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in chosen)
        {
            ValidateChosenIp(subnet, address, taken);
            taken.Add(address);
        }
        var added = chosen.ToList();
        for (var i = 0; i < count; i++) added.Add(AllocateAndTake(subnet, taken));
        _interfaces[eniId] = eni with { PrivateIps = eni.PrivateIps.AddRange(added.Select(a => new Ec2PrivateIp(a, false))) };
        return added;
    }

    private ImmutableList<string> ResolveGroups(string vpcId, IReadOnlyList<string> groupIds)
    {
        if (groupIds.Count == 0)
            return DefaultSecurityGroupOf(vpcId) is { } defaultGroup ? [defaultGroup.GroupId] : [];
        foreach (var groupId in groupIds)
        {
            var group = GetSecurityGroup(groupId);
            if (!string.Equals(group.VpcId, vpcId, StringComparison.Ordinal))
                throw Ec2Errors.InvalidParameterValue($"Security group {groupId} and the network interface belong to different networks.");
        }
        return [.. groupIds.Distinct(StringComparer.Ordinal)];
    }

    private string AllocateAndTake(Ec2Subnet subnet, HashSet<string> taken)
    {
        var address = AllocatePrivateIp(subnet, taken);
        taken.Add(address);
        return address;
    }
}
