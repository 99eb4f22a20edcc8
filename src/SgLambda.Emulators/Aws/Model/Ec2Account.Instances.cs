using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>EC2 instances and their primary ENIs.</summary>
public sealed partial class Ec2Account
{
    /// <summary>
    /// Seeds a running instance with its primary ENI in the subnet (groups default to the VPC's default
    /// security group, as RunInstances does), and returns it.
    /// </summary>
    public Ec2Instance AddInstance(string subnetId, IReadOnlyList<string>? groupIds = null, string? privateIpAddress = null,
        int secondaryPrivateIpAddressCount = 0, IReadOnlyList<Tag>? tags = null)
    {
        lock (Gate)
        {
            var launched = Launch(new LaunchSpec("ami-0123456789abcdef0", "t3.medium", 1, GetSubnet(subnetId))
            {
                GroupIds = groupIds ?? [],
                PrivateIpAddress = privateIpAddress,
                SecondaryPrivateIpAddressCount = secondaryPrivateIpAddressCount,
                InstanceTags = tags ?? [],
            });
            CompleteLaunch([.. launched.Select(i => i.InstanceId)]);
            return _instances[launched[0].InstanceId];
        }
    }

    /// <summary>
    /// Creates the instances in state pending, each with its primary ENI attaching at device index 0;
    /// <see cref="CompleteLaunch"/> makes them running. All or nothing: a bad group or address fails the call.
    /// </summary>
    internal IReadOnlyList<Ec2Instance> Launch(LaunchSpec spec)
    {
        if (spec.Count < 1) throw Ec2Errors.InvalidParameterValue("The MinCount and MaxCount must be at least 1");
        if (spec.PrivateIpAddress is not null && spec.Count > 1)
            throw Ec2Errors.InvalidParameterCombination("Network interfaces and an instance-level private IP address should not be specified on the same request when launching more than one instance");
        // Validate everything before changing anything.
        ResolveGroups(spec.Subnet.VpcId, spec.GroupIds);
        if (spec.PrivateIpAddress is { } chosen) ValidateChosenIp(spec.Subnet, chosen, new HashSet<string>(StringComparer.Ordinal));
        var reservationId = Ids.Next("r");
        var launched = new List<Ec2Instance>();
        for (var i = 0; i < spec.Count; i++)
        {
            var eni = CreateNetworkInterface(spec.Subnet, spec.PrimaryInterfaceDescription, spec.GroupIds,
                spec.PrivateIpAddress is { } ip ? [ip] : [], spec.SecondaryPrivateIpAddressCount, [], spec.NetworkInterfaceTags);
            var instance = new Ec2Instance(Ids.Next("i"), reservationId, spec.ImageId, spec.InstanceType, spec.Subnet.SubnetId,
                spec.Subnet.VpcId, spec.Subnet.AvailabilityZone, Now)
            {
                State = InstanceStates.Pending,
                KeyName = spec.KeyName,
                ClientToken = spec.ClientToken,
                PrimaryNetworkInterfaceId = eni.NetworkInterfaceId,
                PrivateIpAddress = eni.PrimaryPrivateIp,
                Tags = spec.InstanceTags,
            };
            _instances.Add(instance.InstanceId, instance);
            _interfaces[eni.NetworkInterfaceId] = eni with
            {
                Status = "in-use",
                Attachment = new Ec2Attachment(Ids.Next("eni-attach"), instance.InstanceId, AccountId, 0, 0, "attaching", Now, DeleteOnTermination: true),
            };
            launched.Add(instance);
        }
        return launched;
    }

    /// <summary>pending to running; the primary ENIs' attachments become attached.</summary>
    internal void CompleteLaunch(IReadOnlyList<string> instanceIds)
    {
        foreach (var instanceId in instanceIds)
        {
            var instance = _instances[instanceId];
            _instances[instanceId] = instance with { State = InstanceStates.Running };
            if (_interfaces.GetValueOrDefault(instance.PrimaryNetworkInterfaceId) is { Attachment: { } attachment } eni)
                _interfaces[eni.NetworkInterfaceId] = eni with { Attachment = attachment with { Status = "attached" } };
        }
    }

    /// <summary>
    /// Terminates instances: their ENIs marked delete-on-termination are deleted, the others detached.
    /// Terminated instances stay visible, as in EC2.
    /// </summary>
    internal IReadOnlyList<InstanceStateChange> Terminate(IReadOnlyList<string> instanceIds)
    {
        var missing = instanceIds.Where(id => !_instances.ContainsKey(id)).ToList();
        if (missing.Count > 0) throw Ec2Errors.InstanceNotFound(missing);
        var changes = new List<InstanceStateChange>();
        foreach (var instanceId in instanceIds.Distinct(StringComparer.Ordinal))
        {
            var instance = _instances[instanceId];
            if (instance.State == InstanceStates.Terminated)
            {
                changes.Add(new InstanceStateChange(instanceId, InstanceStates.Terminated, InstanceStates.Terminated));
                continue;
            }
            changes.Add(new InstanceStateChange(instanceId, instance.State, InstanceStates.ShuttingDown));
            _instances[instanceId] = instance with { State = InstanceStates.Terminated };
            foreach (var eni in _interfaces.Values.Where(e => string.Equals(e.Attachment?.InstanceId, instanceId, StringComparison.Ordinal)).ToList())
            {
                if (eni.Attachment!.DeleteOnTermination) _interfaces.Remove(eni.NetworkInterfaceId);
                else _interfaces[eni.NetworkInterfaceId] = eni with { Attachment = null, Status = "available" };
            }
        }
        return changes;
    }

    /// <summary>The ENIs attached to an instance, by device index.</summary>
    internal IReadOnlyList<Ec2NetworkInterface> InterfacesOf(string instanceId) =>
        [.. _interfaces.Values
            .Where(e => string.Equals(e.Attachment?.InstanceId, instanceId, StringComparison.Ordinal))
            .OrderBy(e => e.Attachment!.NetworkCardIndex).ThenBy(e => e.Attachment!.DeviceIndex)];
}
