using System.Collections.Immutable;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>Seeding from a snapshot: what <c>aws ec2 describe-*</c> printed for a VPC, ids kept.</summary>
public sealed partial class Ec2Account
{
    /// <summary>
    /// Seeds the account with a snapshot's VPCs, subnets, prefix lists, security groups (with the rule ids of
    /// <see cref="AwsSnapshot.SecurityGroupRules"/> when given), ENIs, and a running instance for every ENI
    /// attached at device index 0 to an instance of this account; no calls, no events. Ids are kept, so what
    /// the snapshot says and what the emulator answers name the same resources.
    /// </summary>
    /// <param name="snapshot">The snapshot (render's input).</param>
    /// <param name="subnets">The subnets (describe-subnets); a subnet an ENI names that is not here spans its VPC's CIDR.</param>
    public void Import(AwsSnapshot snapshot, IReadOnlyList<Ec2Subnet> subnets)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(subnets);
        lock (Gate)
        {
            foreach (var vpc in snapshot.Vpcs)
            {
                var cidr = vpc.CidrBlock ?? throw new ArgumentException($"VPC {vpc.VpcId} has no CidrBlock", nameof(snapshot));
                _vpcs[vpc.VpcId] = new Ec2Vpc(vpc.VpcId, cidr, Ids.Next("vpc-cidr-assoc"), AccountId);
            }
            foreach (var subnet in subnets)
            {
                GetVpc(subnet.VpcId);
                _subnets[subnet.SubnetId] = subnet;
            }
            foreach (var eni in snapshot.NetworkInterfaces)
            {
                if (eni.SubnetId is not { } subnetId || _subnets.ContainsKey(subnetId)) continue;
                var vpc = GetVpc(eni.VpcId ?? throw new ArgumentException($"ENI {eni.NetworkInterfaceId} has no VpcId", nameof(snapshot)));
                _subnets[subnetId] = new Ec2Subnet(subnetId, vpc.VpcId, vpc.CidrBlock, eni.AvailabilityZone ?? Region + "a");
            }
            foreach (var list in snapshot.PrefixLists)
            {
                var entries = list.Entries.ToImmutableList();
                _prefixLists[list.PrefixListId] = new Ec2PrefixList(list.PrefixListId, list.PrefixListName ?? list.PrefixListId, "IPv4", Math.Max(10, entries.Count), AccountId)
                {
                    Entries = entries,
                    EntriesByVersion = ImmutableDictionary<long, ImmutableList<PrefixListEntry>>.Empty.Add(1, entries),
                };
            }
            foreach (var group in snapshot.SecurityGroups)
            {
                _groups[group.GroupId] = new Ec2SecurityGroup(group.GroupId, group.GroupName ?? group.GroupId, group.Description ?? "",
                    group.VpcId ?? throw new ArgumentException($"security group {group.GroupId} has no VpcId", nameof(snapshot)), group.OwnerId ?? AccountId)
                {
                    Tags = group.Tags,
                };
            }
            // Rules after every group exists, since they reference each other.
            foreach (var group in snapshot.SecurityGroups)
            {
                var known = snapshot.SecurityGroupRules.Where(r => string.Equals(r.GroupId, group.GroupId, StringComparison.Ordinal)).ToList();
                var stored = _groups[group.GroupId];
                var rules = known.Count > 0
                    ? known
                    : [.. Numbered(group.IpPermissions.SelectMany(p => Expand(stored, false, p, validatePeers: false))),
                        .. Numbered(group.IpPermissionsEgress.SelectMany(p => Expand(stored, true, p, validatePeers: false)))];
                _groups[group.GroupId] = stored with { Rules = [.. rules] };
            }
            foreach (var eni in snapshot.NetworkInterfaces) ImportNetworkInterface(eni);
        }
    }

    private IEnumerable<SecurityGroupRule> Numbered(IEnumerable<SecurityGroupRule> rules) =>
        rules.Select(rule => rule with { SecurityGroupRuleId = Ids.Next("sgr") });

    private void ImportNetworkInterface(NetworkInterface eni)
    {
        var subnet = GetSubnet(eni.SubnetId ?? throw new ArgumentException($"ENI {eni.NetworkInterfaceId} has no SubnetId", nameof(eni)));
        var addresses = eni.PrivateIpAddresses.Count > 0
            ? eni.PrivateIpAddresses.Select(a => new Ec2PrivateIp(a.PrivateIpAddress, a.Primary))
            : eni.PrivateIpAddress is { } primary ? [new Ec2PrivateIp(primary, true)] : [];
        var attachment = eni.Attachment is { } a
            ? new Ec2Attachment(a.AttachmentId ?? Ids.Next("eni-attach"), a.InstanceId, a.InstanceOwnerId ?? AccountId,
                a.DeviceIndex ?? 0, a.NetworkCardIndex ?? 0, a.Status ?? "attached", Now, DeleteOnTermination: (a.DeviceIndex ?? 0) == 0)
            : null;
        var stored = new Ec2NetworkInterface(eni.NetworkInterfaceId, subnet.SubnetId, subnet.VpcId, eni.AvailabilityZone ?? subnet.AvailabilityZone, AccountId, Ids.MacAddress())
        {
            Description = eni.Description ?? "",
            InterfaceType = eni.InterfaceType ?? "interface",
            RequesterId = eni.RequesterId,
            RequesterManaged = eni.RequesterManaged ?? false,
            Status = eni.Status ?? (attachment is null ? "available" : "in-use"),
            PrivateIps = [.. addresses],
            Ipv6Addresses = [.. eni.Ipv6Addresses.Select(a => a.Ipv6Address)],
            GroupIds = [.. eni.Groups.Select(g => g.GroupId)],
            Attachment = attachment,
            Tags = eni.TagSet,
        };
        _interfaces[stored.NetworkInterfaceId] = stored;
        if (attachment is { InstanceId: { } instanceId, DeviceIndex: 0 } && string.Equals(attachment.InstanceOwnerId, AccountId, StringComparison.Ordinal))
        {
            _instances[instanceId] = new Ec2Instance(instanceId, Ids.Next("r"), "ami-0123456789abcdef0", "t3.medium", subnet.SubnetId, subnet.VpcId,
                stored.AvailabilityZone, Now)
            {
                State = InstanceStates.Running,
                PrimaryNetworkInterfaceId = stored.NetworkInterfaceId,
                PrivateIpAddress = stored.PrimaryPrivateIp,
            };
        }
    }
}
