using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using AwsSnapshot = SgLambda.Core.Aws.AwsSnapshot;
using SecurityGroup = SgLambda.Core.Aws.SecurityGroup;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// Random AWS changes made the way users make them: through the real EC2 client (and the RDS Query API),
/// each producing the CloudTrail events AWS would send. Calls AWS refuses (a group still in use, a duplicate
/// rule) are part of the mix: their failed-call events must change nothing.
/// </summary>
internal sealed class Mutator(Harness harness, int seed)
{
    private readonly Random _random = new(seed);
    private int _counter;

    public List<string> Log { get; } = [];

    private AwsSnapshot State => harness.Aws.Account.ToSnapshot();

    private List<SecurityGroup> UserGroups => [.. State.SecurityGroups.Where(g =>
        g.VpcId == harness.VpcId && !harness.Config.IsInternal(g.GroupId) && g.GroupName != "default")];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<string> SomeGroups(int max)
    {
        var groups = UserGroups;
        if (groups.Count == 0) return [];
        return [.. groups.OrderBy(_ => _random.Next()).Take(_random.Next(1, Math.Min(max, groups.Count) + 1)).Select(g => g.GroupId)];
    }

    public async Task StepAsync()
    {
        var operations = new (int Weight, Func<Task<string?>> Run)[]
        {
            (3, CreateGroupAsync), (6, AuthorizeAsync), (2, RevokeByIdAsync), (2, ModifyRuleAsync), (1, DeleteGroupAsync),
            (3, RunInstanceAsync), (1, TerminateAsync), (3, CreateEniAsync), (4, AttachAsync), (4, DetachAsync), (1, DeleteEniAsync),
            (3, SetEniGroupsAsync), (1, CreatePrefixListAsync), (1, ModifyPrefixListAsync), (1, CreateDbAsync), (1, ModifyDbAsync),
        };
        var total = operations.Sum(o => o.Weight);
        var roll = _random.Next(total);
        foreach (var (weight, run) in operations)
        {
            if ((roll -= weight) >= 0) continue;
            try
            {
                Log.Add(await run() ?? "(nothing to do)");
            }
            catch (AmazonEC2Exception refused)
            {
                Log.Add($"refused by AWS: {refused.ErrorCode}");
            }
            return;
        }
    }

    private string Name(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{++_counter}");

    private async Task<string?> CreateGroupAsync()
    {
        var name = Name("sg");
        await harness.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = harness.VpcId });
        return $"create group {name}";
    }

    private IpPermission RandomPermission()
    {
        var port = _random.Next(1, 65536);
        var lists = State.PrefixLists;
        return _random.Next(7) switch
        {
            0 => new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = $"10.0.{_random.Next(16)}.0/24" }] },
            1 => new IpPermission { IpProtocol = "udp", FromPort = 1000, ToPort = 2000 + _random.Next(100), Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "2001:db8::/32" }] },
            2 => new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = Pick(UserGroups).GroupId }] },
            3 => new IpPermission { IpProtocol = "icmp", FromPort = 8, ToPort = -1, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
            4 when lists.Count > 0 => new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new Amazon.EC2.Model.PrefixListId { Id = Pick(lists).PrefixListId }] },
            5 => new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, UserIdGroupPairs = [new UserIdGroupPair { GroupId = Pick(UserGroups).GroupId }] },
            _ => new IpPermission { IpProtocol = "50", Ipv4Ranges = [new IpRange { CidrIp = "192.0.2.0/24" }] },
        };
    }

    private async Task<string?> AuthorizeAsync()
    {
        if (UserGroups.Count == 0) return null;
        var group = Pick(UserGroups).GroupId;
        var permission = RandomPermission();
        if (_random.Next(2) == 0)
            await harness.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [permission] });
        else
            await harness.Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = group, IpPermissions = [permission] });
        return $"authorize {permission.IpProtocol} on {group}";
    }

    private async Task<string?> RevokeByIdAsync()
    {
        var rules = State.SecurityGroupRules.Where(r => UserGroups.Any(g => g.GroupId == r.GroupId)).ToList();
        if (rules.Count == 0) return null;
        var rule = Pick(rules);
        if (rule.IsEgress)
            await harness.Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = rule.GroupId, SecurityGroupRuleIds = [rule.SecurityGroupRuleId] });
        else
            await harness.Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = rule.GroupId, SecurityGroupRuleIds = [rule.SecurityGroupRuleId] });
        return $"revoke {rule.SecurityGroupRuleId} of {rule.GroupId}";
    }

    private async Task<string?> ModifyRuleAsync()
    {
        var rules = State.SecurityGroupRules.Where(r => UserGroups.Any(g => g.GroupId == r.GroupId)).ToList();
        if (rules.Count == 0) return null;
        var rule = Pick(rules);
        var port = _random.Next(1, 65536);
        await harness.Ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = rule.GroupId,
            SecurityGroupRules =
            [
                new SecurityGroupRuleUpdate
                {
                    SecurityGroupRuleId = rule.SecurityGroupRuleId,
                    SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = port, ToPort = port, CidrIpv4 = "172.16.0.0/12", Description = "modified" },
                },
            ],
        });
        return $"modify {rule.SecurityGroupRuleId} of {rule.GroupId} to tcp {port}";
    }

    private async Task<string?> DeleteGroupAsync()
    {
        if (UserGroups.Count == 0) return null;
        var group = Pick(UserGroups).GroupId;
        await harness.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group });
        return $"delete group {group}";
    }

    private async Task<string?> RunInstanceAsync()
    {
        var groups = SomeGroups(3);
        if (groups.Count == 0) return null;
        var node = _random.Next(3) == 0;
        if (node) groups.Add(harness.Config.EnforcedSecurityGroupId!);
        var response = await harness.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0abcdef1234567890",
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = harness.SubnetId,
            SecurityGroupIds = groups,
            PrivateIpAddress = null,
        });
        return $"run {(node ? "node " : "")}instance {response.Reservation.Instances[0].InstanceId} in {string.Join(",", groups)}";
    }

    private List<string> RunningInstances() =>
        [.. State.NetworkInterfaces.Select(e => e.Attachment?.InstanceId).OfType<string>().Distinct(StringComparer.Ordinal)];

    private async Task<string?> TerminateAsync()
    {
        var instances = RunningInstances();
        if (instances.Count == 0) return null;
        var instance = Pick(instances);
        await harness.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance] });
        return $"terminate {instance}";
    }

    private async Task<string?> CreateEniAsync()
    {
        var groups = SomeGroups(2);
        if (groups.Count == 0) return null;
        var response = await harness.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = harness.SubnetId, Groups = groups, Description = "e2e" });
        return $"create ENI {response.NetworkInterface.NetworkInterfaceId}";
    }

    private async Task<string?> AttachAsync()
    {
        var free = State.NetworkInterfaces.Where(e => e.Attachment is null && e.InterfaceType == "interface" && e.RequesterId is null).ToList();
        var instances = RunningInstances();
        if (free.Count == 0 || instances.Count == 0) return null;
        var eni = Pick(free).NetworkInterfaceId;
        var instance = Pick(instances);
        await harness.Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni, InstanceId = instance, DeviceIndex = _random.Next(1, 4) });
        return $"attach {eni} to {instance}";
    }

    private async Task<string?> DetachAsync()
    {
        var attached = State.NetworkInterfaces.Where(e => e.Attachment is { DeviceIndex: > 0 }).ToList();
        if (attached.Count == 0) return null;
        var eni = Pick(attached);
        await harness.Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = eni.Attachment!.AttachmentId });
        return $"detach {eni.NetworkInterfaceId}";
    }

    private async Task<string?> DeleteEniAsync()
    {
        var free = State.NetworkInterfaces.Where(e => e.Attachment is null && e.RequesterId is null).ToList();
        if (free.Count == 0) return null;
        var eni = Pick(free).NetworkInterfaceId;
        await harness.Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni });
        return $"delete ENI {eni}";
    }

    private async Task<string?> SetEniGroupsAsync()
    {
        var enis = State.NetworkInterfaces.Where(e => e.RequesterId is null).ToList();
        var groups = SomeGroups(3);
        if (enis.Count == 0 || groups.Count == 0) return null;
        var eni = Pick(enis);
        // Keep the enforced SG where it is: taking it off a node is a different story (it stops being one).
        if (eni.Groups.Any(g => g.GroupId == harness.Config.EnforcedSecurityGroupId)) groups.Add(harness.Config.EnforcedSecurityGroupId!);
        await harness.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Groups = groups });
        return $"set groups of {eni.NetworkInterfaceId} to {string.Join(",", groups)}";
    }

    private async Task<string?> CreatePrefixListAsync()
    {
        var name = Name("pl");
        var response = await harness.Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = name,
            AddressFamily = "IPv4",
            MaxEntries = 10,
            Entries = [new AddPrefixListEntry { Cidr = $"198.51.{_random.Next(100)}.0/24" }],
        });
        return $"create prefix list {response.PrefixList.PrefixListId}";
    }

    private async Task<string?> ModifyPrefixListAsync()
    {
        var lists = harness.Aws.Account.ToSnapshot().PrefixLists;
        if (lists.Count == 0) return null;
        var list = Pick(lists);
        var current = await harness.Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = [list.PrefixListId] });
        await harness.Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId,
            CurrentVersion = current.PrefixLists[0].Version,
            AddEntries = [new AddPrefixListEntry { Cidr = $"203.0.{_random.Next(100)}.0/24" }],
        });
        return $"modify prefix list {list.PrefixListId}";
    }

    private async Task<string?> CreateDbAsync()
    {
        var groups = SomeGroups(2);
        if (groups.Count == 0) return null;
        var identifier = Name("db");
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "CreateDBInstance"), new("Version", "2014-10-31"), new("DBInstanceIdentifier", identifier),
            new("DBInstanceClass", "db.t3.micro"), new("Engine", "postgres"),
        };
        form.AddRange(groups.Select((g, i) => KeyValuePair.Create($"VpcSecurityGroupIds.member.{i + 1}", g)));
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(harness.Aws.ServiceUrl), content);
        return $"create DB {identifier}: HTTP {(int)response.StatusCode}";
    }

    private async Task<string?> ModifyDbAsync()
    {
        var dbs = harness.Aws.Account.ToSnapshot().DbInstances;
        var groups = SomeGroups(2);
        if (dbs.Count == 0 || groups.Count == 0) return null;
        var db = Pick(dbs).DBInstanceIdentifier;
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "ModifyDBInstance"), new("Version", "2014-10-31"), new("DBInstanceIdentifier", db), new("ApplyImmediately", "true"),
        };
        form.AddRange(groups.Select((g, i) => KeyValuePair.Create($"VpcSecurityGroupIds.member.{i + 1}", g)));
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(harness.Aws.ServiceUrl), content);
        return $"modify DB {db} groups: HTTP {(int)response.StatusCode}";
    }
}
