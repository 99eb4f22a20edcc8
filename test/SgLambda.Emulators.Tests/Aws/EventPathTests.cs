using Amazon.EC2.Model;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Calico;
using SgLambda.Core.Planning;
using SgLambda.Core.Sync;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Aws;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>
/// The emulator's events fed to SgLambda's own event classifier: every successful mutating call names the
/// resources it changed, and failed calls are skipped. This is the event path end to end, minus the cluster.
/// </summary>
public sealed class EventPathTests : EmulatorTestBase
{
    private SgLambdaConfig _config = null!;

    [SetUp]
    public void Configure() => _config = new SgLambdaConfig { VpcId = Vpc.VpcId, AccountId = Emulator.Options.AccountId, Region = Emulator.Options.Region };

    [Test]
    public async Task Every_successful_security_group_call_names_its_group()
    {
        var groupId = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = Vpc.VpcId })).GroupId;
        var rule = (await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        })).SecurityGroupRules.Single();
        await Ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = groupId,
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = rule.SecurityGroupRuleId,
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 2222, ToPort = 2222, CidrIpv4 = "10.0.0.0/8" },
            }],
        });
        await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [rule.SecurityGroupRuleId] });
        await Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = groupId, IpPermissions = [new IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.2/32" }] }],
        });
        await Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = groupId, IpPermissions = [new IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.2/32" }] }],
        });
        await Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId });

        var classified = ClassifyAll();
        Assert.That(classified.Where(c => c.IsSkipped).Select(c => $"{c.Event.EventName}: {c.SkipReason}"), Is.Empty);
        Assert.That(classified.Select(c => c.Affected.SecurityGroups), Has.All.EqualTo(new[] { groupId }));
        Assert.That(classified.Select(c => c.Event.EventName), Is.EqualTo(new[]
        {
            "CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules", "RevokeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress", "DeleteSecurityGroup",
        }));
    }

    [Test]
    public async Task Instance_and_eni_calls_name_their_instances_and_enis()
    {
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0abcdef1234567890", MinCount = 1, MaxCount = 1, SubnetId = Subnet.SubnetId }))
            .Reservation.Instances.Single();
        var eni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = Subnet.SubnetId })).NetworkInterface.NetworkInterfaceId;
        await Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni, InstanceId = instance.InstanceId, DeviceIndex = 1 });
        await Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Description = "changed" });
        await Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni, SecondaryPrivateIpAddressCount = 1 });
        await Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });
        await Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni });

        var classified = ClassifyAll();
        Assert.That(classified.Where(c => c.IsSkipped).Select(c => c.SkipReason), Is.Empty);
        var byName = classified.GroupBy(c => c.Event.EventName!).ToDictionary(g => g.Key, g => g.First().Affected);
        Assert.That(byName["RunInstances"].Instances, Is.EqualTo(new[] { instance.InstanceId }));
        Assert.That(byName["RunInstances"].NetworkInterfaces, Is.EqualTo(new[] { instance.NetworkInterfaces.Single().NetworkInterfaceId }));
        Assert.That(byName["running"].Instances, Is.EqualTo(new[] { instance.InstanceId }), "the state-change notification");
        Assert.That(byName["CreateNetworkInterface"].NetworkInterfaces, Is.EqualTo(new[] { eni }));
        Assert.That(byName["AttachNetworkInterface"].NetworkInterfaces, Is.EqualTo(new[] { eni }));
        Assert.That(byName["AttachNetworkInterface"].Instances, Is.EqualTo(new[] { instance.InstanceId }));
        Assert.That(byName["ModifyNetworkInterfaceAttribute"].NetworkInterfaces, Is.EqualTo(new[] { eni }));
        Assert.That(byName["AssignPrivateIpAddresses"].NetworkInterfaces, Is.EqualTo(new[] { eni }));
        Assert.That(byName["TerminateInstances"].Instances, Is.EqualTo(new[] { instance.InstanceId }));
        Assert.That(byName["DeleteNetworkInterface"].NetworkInterfaces, Is.EqualTo(new[] { eni }));
    }

    [Test]
    public async Task Prefix_list_and_rds_calls_name_their_list_and_db_instance()
    {
        var list = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "office", AddressFamily = "IPv4", MaxEntries = 5, Entries = [new AddPrefixListEntry { Cidr = "192.0.2.0/24" }],
        })).PrefixList.PrefixListId;
        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list, CurrentVersion = 1, AddEntries = [new AddPrefixListEntry { Cidr = "198.51.100.0/24" }],
        });
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "db");
        using var http = new HttpClient();
        foreach (var action in new[] { "CreateDBInstance", "ModifyDBInstance", "DeleteDBInstance" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Action"] = action, ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "Orders", ["DBInstanceClass"] = "db.t3.micro",
                ["Engine"] = "postgres", ["VpcSecurityGroupIds.member.1"] = group.GroupId, ["SkipFinalSnapshot"] = "true",
            });
            using var response = await http.PostAsync(new Uri(Emulator.ServiceUrl), form);
            Assert.That(response.IsSuccessStatusCode, Is.True, action);
        }

        var classified = ClassifyAll();
        Assert.That(classified.Where(c => c.IsSkipped).Select(c => c.SkipReason), Is.Empty);
        Assert.That(classified.Take(2).Select(c => c.Affected.PrefixLists), Has.All.EqualTo(new[] { list }));
        Assert.That(classified.Skip(2).Select(c => c.Affected.DbInstances), Has.All.EqualTo(new[] { "orders" }), "RDS stores identifiers in lower case");
    }

    [Test]
    public async Task Failed_calls_are_skipped_as_failed()
    {
        await Ec2Error(() => Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = "sg-0123456789abcdef0" }));
        Emulator.Faults.FailNext("CreateSecurityGroup", 3, FaultKind.Throttling);
        await Ec2Error(() => Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "a", Description = "a", VpcId = Vpc.VpcId }));

        var classified = ClassifyAll();
        Assert.That(classified, Has.Count.EqualTo(4), "one failed delete and three throttled attempts");
        Assert.That(classified.Select(c => c.SkipReason), Has.All.Contain("failed"));
    }

    /// <summary>
    /// DetachNetworkInterface's record names only the attachment, and once the ENI is detached no ENI in
    /// AWS carries that attachment id: the sync engine finds the ENI through the HostEndpoint rendered
    /// while it was attached (its attachment-id label) and re-renders it.
    /// </summary>
    [Test]
    public async Task A_detach_event_re_renders_the_detached_eni_found_through_its_host_endpoint()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);
        var eni = Emulator.Account.AddNetworkInterface(new SgLambda.Emulators.Aws.Model.NetworkInterfaceSpec
        {
            SubnetId = Subnet.SubnetId, InstanceId = instance.InstanceId, DeviceIndex = 1, GroupIds = [group.GroupId],
        });
        var store = new InMemoryCalicoStore(Translator.Render(Emulator.Account.ToSnapshot(), _config).Objects);
        var before = store.Objects.OfType<HostEndpoint>().Single(h => h.Metadata.Name == eni.NetworkInterfaceId);
        Assert.That(before.Metadata.Labels![LabelKeys.InstanceId], Is.EqualTo(instance.InstanceId));

        await Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = eni.Attachment!.AttachmentId });

        var classified = ClassifyAll().Single();
        Assert.That(classified.Affected.NetworkInterfaceAttachments, Is.EqualTo(new[] { eni.Attachment.AttachmentId }));
        var inventory = new SnapshotInventory(Emulator.Account.ToSnapshot(), _config);
        var engine = new SyncEngine(inventory, inventory, store, _config, SyncEngineOptions.CalicoOnly);
        await engine.ApplyAsync(await engine.PlanEventAsync(classified, CancellationToken.None), CancellationToken.None);
        var after = store.Objects.OfType<HostEndpoint>().Single(h => h.Metadata.Name == eni.NetworkInterfaceId);
        Assert.That(after.Metadata.Labels!.ContainsKey(LabelKeys.InstanceId), Is.False);
        Assert.That(Planner.Diff(Translator.Render(Emulator.Account.ToSnapshot(), _config).Objects, store.Objects).IsEmpty, Is.True);
    }

    private List<ClassifiedEvent> ClassifyAll() => [.. Emulator.Events.All.Select(e => EventClassifier.Classify(e.Json, _config))];
}
