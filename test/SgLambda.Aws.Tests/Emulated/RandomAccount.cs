using System.Collections.Immutable;
using Amazon.EC2.Model;
using SgLambda.Core.Events;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using Model = SgLambda.Core.Aws;

namespace SgLambda.Aws.Tests.Emulated;

/// <summary>
/// Seeded random account states built in an <see cref="EmulatedAccount"/> (SGs with every peer kind,
/// instances with primary and secondary ENIs, free ENIs, RDS instances, prefix lists, in the configured
/// VPC and another), some resources deleted again through the API, and random affected sets naming
/// existing, deleted and never-existing resources.
/// </summary>
public sealed class RandomAccount(EmulatedAccount emulated, Random random)
{
    private readonly List<string> _deleted = [];
    // The kinds added later draw from their own generator, so the older kinds' sets stay what they were.
    private readonly Random _other = new(random.Next());

    public static readonly string[] Protocols = ["tcp", "udp", "icmp", "-1", "50"];

    /// <summary>Builds a state of about <paramref name="size"/> SGs and as many ENIs per VPC.</summary>
    public async Task BuildAsync(int size)
    {
        var account = emulated.Account;
        var lists = Enumerable.Range(0, Math.Max(1, size / 4))
            .Select(i => account.AddPrefixList($"list-{i}", [$"192.168.{i % 250}.0/24", $"172.16.{i % 250}.0/24"]).PrefixListId)
            .ToList();
        foreach (var vpc in new[] { emulated.Vpc, emulated.OtherVpc })
        {
            var subnet = account.Subnets.First(s => s.VpcId == vpc.VpcId);
            var groups = Enumerable.Range(0, size).Select(i => account.AddSecurityGroup(vpc.VpcId, $"sg-{i}").GroupId).ToList();
            foreach (var group in groups)
            {
                for (var r = random.Next(0, 4); r > 0; r--) Authorize(() => account.AddIngressRules(group, Permission(groups, lists)));
                if (random.Next(3) == 0) Authorize(() => account.AddEgressRules(group, Permission(groups, lists)));
            }
            for (var i = 0; i < Math.Max(1, size / 2); i++)
            {
                var instance = account.AddInstance(subnet.SubnetId, Pick(groups, random.Next(1, 3)), secondaryPrivateIpAddressCount: random.Next(0, 2));
                if (random.Next(3) == 0)
                {
                    account.AddNetworkInterface(new NetworkInterfaceSpec
                    {
                        SubnetId = subnet.SubnetId,
                        GroupIds = Pick(groups, 1),
                        InstanceId = instance.InstanceId,
                        DeviceIndex = 1,
                        Description = random.Next(2) == 0 ? "aws-K8S-" + instance.InstanceId : "secondary",
                    });
                }
            }
            for (var i = 0; i < Math.Max(1, size / 2); i++)
            {
                account.AddNetworkInterface(new NetworkInterfaceSpec
                {
                    SubnetId = subnet.SubnetId,
                    GroupIds = Pick(groups, random.Next(0, 3)),
                    Description = random.Next(4) == 0 ? "ELB app/web" : "free",
                    InterfaceType = random.Next(5) == 0 ? "vpc_endpoint" : "interface",
                    RequesterManaged = random.Next(4) == 0,
                });
            }
            for (var i = random.Next(0, 3); i > 0; i--)
                account.AddDbInstance($"db-{vpc.VpcId}-{i}", Pick(groups, 1));
        }
        await DeleteSomeAsync();
    }

    /// <summary>A random affected set over everything that exists, was deleted or never existed.</summary>
    public AffectedResources Affected()
    {
        var snapshot = emulated.Account.ToSnapshot();
        var enis = snapshot.NetworkInterfaces;
        return new AffectedResources
        {
            SecurityGroups = Ids(snapshot.SecurityGroups.Select(g => g.GroupId), "sg-0000000000deadbee", "sg-"),
            NetworkInterfaces = Ids(enis.Select(e => e.NetworkInterfaceId), "eni-0000000000deadbee", "eni-"),
            NetworkInterfaceAttachments = Ids(enis.Select(e => e.Attachment?.AttachmentId).OfType<string>(), "eni-attach-0000000000dead", null),
            Instances = Ids(enis.Select(e => e.Attachment?.InstanceId).OfType<string>(), "i-0000000000deadbee", "i-"),
            DbInstances = Ids(snapshot.DbInstances.Select(d => d.DBInstanceIdentifier), "db-gone", null),
            DbClusters = random.Next(6) == 0 ? Set(["aurora-gone"]) : Set([]),
            PrefixLists = Ids(snapshot.PrefixLists.Select(p => p.PrefixListId), "pl-0000000000deadbee", null),
            // Literal descriptions, EC2 wildcards, and one that matches nothing.
            NetworkInterfaceDescriptions = Set(((string[])["ELB app/web", "ELB *", "fr?e", "*K8S*", "EFS mount target for * (fsmt-0dead)"]).Where(_ => _other.Next(4) == 0)),
            SecurityGroupMembers = Set(snapshot.SecurityGroups.Select(g => g.GroupId).Where(_ => _other.Next(10) == 0).Take(3).Append("sg-0000000000deadbee")),
        };
    }

    private ImmutableSortedSet<string> Ids(IEnumerable<string> existing, string missing, string? deletedPrefix)
    {
        var chosen = existing.Where(_ => random.Next(8) == 0).Take(random.Next(0, 4)).ToList();
        if (random.Next(4) == 0) chosen.Add(missing);
        var gone = _deleted.Where(id => deletedPrefix is not null && id.StartsWith(deletedPrefix, StringComparison.Ordinal)).ToList();
        if (random.Next(3) == 0 && gone.Count > 0) chosen.Add(gone[random.Next(gone.Count)]);
        return Set(chosen);
    }

    private static ImmutableSortedSet<string> Set(IEnumerable<string> ids) => ImmutableSortedSet.CreateRange(StringComparer.Ordinal, ids);

    /// <summary>Deletes a few free ENIs, SGs no ENI or rule uses, and an instance, through the EC2 API.</summary>
    private async Task DeleteSomeAsync()
    {
        var snapshot = emulated.Account.ToSnapshot();
        foreach (var eni in snapshot.NetworkInterfaces.Where(e => e.Attachment is null && e.RequesterId is null).Take(2))
        {
            await emulated.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
            _deleted.Add(eni.NetworkInterfaceId);
        }
        var used = snapshot.NetworkInterfaces.SelectMany(e => e.Groups).Select(g => g.GroupId)
            .Concat(snapshot.SecurityGroups.SelectMany(g => g.IpPermissions.Concat(g.IpPermissionsEgress)).SelectMany(p => p.UserIdGroupPairs).Select(p => p.GroupId))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var group in snapshot.SecurityGroups.Where(g => !used.Contains(g.GroupId) && g.GroupName != "default").Take(2))
        {
            await emulated.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId });
            _deleted.Add(group.GroupId);
        }
        var instance = snapshot.NetworkInterfaces.Select(e => e.Attachment?.InstanceId).OfType<string>().FirstOrDefault();
        if (instance is not null)
        {
            await emulated.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance] });
            _deleted.Add(instance);
        }
    }

    /// <summary>Adds a rule unless the group already has the same one (EC2 refuses duplicates).</summary>
    private static void Authorize(Action add)
    {
        try
        {
            add();
        }
        catch (AwsApiException e) when (e.Message.Contains("already exists", StringComparison.Ordinal))
        {
            // The random rule repeats one the group has.
        }
    }

    private Model.IpPermission Permission(List<string> groups, List<string> lists)
    {
        var protocol = Protocols[random.Next(Protocols.Length)];
        var (from, to) = protocol switch
        {
            "tcp" or "udp" => ((int?)random.Next(0, 1000), (int?)random.Next(1000, 65536)),
            "icmp" => (8, -1),
            _ => ((int?)null, (int?)null),
        };
        var permission = new Model.IpPermission { IpProtocol = protocol, FromPort = from, ToPort = to };
        return random.Next(4) switch
        {
            0 => permission with { IpRanges = [new Model.IpRange { CidrIp = $"10.{random.Next(256)}.0.0/16", Description = "cidr" }] },
            1 => permission with { Ipv6Ranges = [new Model.Ipv6Range { CidrIpv6 = "2001:db8::/32" }] },
            2 => permission with { PrefixListIds = [new Model.PrefixListId { Id = lists[random.Next(lists.Count)], Description = "list" }] },
            _ => permission with { UserIdGroupPairs = [new Model.UserIdGroupPair { GroupId = groups[random.Next(groups.Count)], Description = "peer" }] },
        };
    }

    private List<string> Pick(List<string> from, int count) => [.. from.OrderBy(_ => random.Next()).Take(count)];
}
