using System.Text.Json.Nodes;
using Amazon.EC2.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>
/// The EventBridge events emitted for mutating calls, checked against the shapes CloudTrail records
/// (camelCase, lists as {"items": [...]}, empty lists as {}, _return, epoch-millisecond times).
/// </summary>
public sealed class EventTests : EmulatorTestBase
{
    [Test]
    public async Task A_mutating_call_emits_the_cloudtrail_api_call_event_with_its_envelope()
    {
        var created = await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web tier", VpcId = Vpc.VpcId });

        var emitted = Emulator.Events.All.Single();
        var json = emitted.Parse();
        Assert.That((emitted.Source, emitted.DetailType, emitted.EventName, emitted.ErrorCode),
            Is.EqualTo(("aws.ec2", "AWS API Call via CloudTrail", "CreateSecurityGroup", (string?)null)));
        Assert.That(Text(json, "version"), Is.EqualTo("0"));
        Assert.That(Text(json, "id"), Is.EqualTo(emitted.Id).And.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(Text(json, "detail-type"), Is.EqualTo("AWS API Call via CloudTrail"));
        Assert.That(Text(json, "source"), Is.EqualTo("aws.ec2"));
        Assert.That(Text(json, "account"), Is.EqualTo("123456789012"));
        Assert.That(Text(json, "region"), Is.EqualTo("us-east-1"));
        Assert.That(Text(json, "time"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(json["resources"]!.AsArray(), Is.Empty);

        var detail = json["detail"]!;
        Assert.That(Text(detail, "eventVersion"), Is.EqualTo("1.09"));
        Assert.That(Text(detail, "eventSource"), Is.EqualTo("ec2.amazonaws.com"));
        Assert.That(Text(detail, "eventName"), Is.EqualTo("CreateSecurityGroup"));
        Assert.That(Text(detail, "awsRegion"), Is.EqualTo("us-east-1"));
        Assert.That(Text(detail, "eventType"), Is.EqualTo("AwsApiCall"));
        Assert.That(Text(detail, "recipientAccountId"), Is.EqualTo("123456789012"));
        Assert.That(Text(detail, "sourceIPAddress"), Is.EqualTo("127.0.0.1"));
        Assert.That(Text(detail, "userAgent"), Does.StartWith("aws-sdk-dotnet"));
        Assert.That(Text(detail, "userIdentity", "accessKeyId"), Is.EqualTo("AKIDEMULATOR"), "the key that signed the call");
        Assert.That(Text(detail, "userIdentity", "accountId"), Is.EqualTo("123456789012"));
        Assert.That(Text(detail, "requestID"), Is.EqualTo(created.ResponseMetadata.RequestId));
        Assert.That(Text(detail, "eventID"), Is.Not.EqualTo(emitted.Id));
        Assert.That(Text(detail, "requestParameters", "groupName"), Is.EqualTo("web"));
        Assert.That(Text(detail, "requestParameters", "groupDescription"), Is.EqualTo("web tier"));
        Assert.That(Text(detail, "requestParameters", "vpcId"), Is.EqualTo(Vpc.VpcId));
        Assert.That(Text(detail, "responseElements", "requestId"), Is.EqualTo(created.ResponseMetadata.RequestId));
        Assert.That(detail["responseElements"]!["_return"]!.GetValue<bool>(), Is.True);
        Assert.That(Text(detail, "responseElements", "groupId"), Is.EqualTo(created.GroupId));
    }

    [Test]
    public async Task AuthorizeSecurityGroupIngress_records_its_permissions_and_the_new_rule_ids()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");

        var rule = (await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        })).SecurityGroupRules.Single();

        var detail = Emulator.Events.All.Single().Parse()["detail"]!;
        var permission = detail["requestParameters"]!["ipPermissions"]!["items"]![0]!;
        Assert.That(Text(detail, "requestParameters", "groupId"), Is.EqualTo(group.GroupId));
        Assert.That(Text(permission, "ipProtocol"), Is.EqualTo("tcp"));
        Assert.That(permission["fromPort"]!.GetValue<long>(), Is.EqualTo(22), "numbers stay numbers");
        Assert.That(Text(permission, "ipRanges", "items", "0", "cidrIp"), Is.EqualTo("10.0.0.0/8"));
        Assert.That(permission["groups"]!.ToJsonString(), Is.EqualTo("{}"), "an empty list is {}");
        Assert.That(permission["ipv6Ranges"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(permission["prefixListIds"]!.ToJsonString(), Is.EqualTo("{}"));
        var recorded = detail["responseElements"]!["securityGroupRuleSet"]!["items"]![0]!;
        Assert.That(Text(recorded, "securityGroupRuleId"), Is.EqualTo(rule.SecurityGroupRuleId));
        Assert.That(Text(recorded, "groupId"), Is.EqualTo(group.GroupId));
        Assert.That(Text(recorded, "groupOwnerId"), Is.EqualTo("123456789012"));
        Assert.That(recorded["isEgress"]!.GetValue<bool>(), Is.False);
        Assert.That(Text(recorded, "cidrIpv4"), Is.EqualTo("10.0.0.0/8"));
    }

    [Test]
    public async Task Revoking_by_rule_id_records_the_ids_and_the_revoked_rules()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var egress = group.Rules.Single();

        await Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group.GroupId, SecurityGroupRuleIds = [egress.SecurityGroupRuleId] });

        var detail = Emulator.Events.All.Single().Parse()["detail"]!;
        Assert.That(Text(detail, "requestParameters", "securityGroupRuleIds", "items", "0", "securityGroupRuleId"), Is.EqualTo(egress.SecurityGroupRuleId));
        Assert.That(Text(detail, "responseElements", "revokedSecurityGroupRuleSet", "items", "0", "securityGroupRuleId"), Is.EqualTo(egress.SecurityGroupRuleId));
        Assert.That(detail["responseElements"]!["revokedSecurityGroupRuleSet"]!["items"]![0]!["isEgress"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task ModifySecurityGroupRules_is_recorded_in_its_query_envelope()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var ruleId = group.Rules.Single().SecurityGroupRuleId;

        await Ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = group.GroupId,
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = ruleId,
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "0.0.0.0/0" },
            }],
        });

        var detail = Emulator.Events.All.Single().Parse()["detail"]!;
        var request = detail["requestParameters"]!["ModifySecurityGroupRulesRequest"]!;
        Assert.That(Text(request, "GroupId"), Is.EqualTo(group.GroupId));
        Assert.That(Text(request, "SecurityGroupRule", "SecurityGroupRuleId"), Is.EqualTo(ruleId), "a list of one is the element itself");
        Assert.That(request["SecurityGroupRule"]!["tag"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(request["SecurityGroupRule"]!["SecurityGroupRule"]!["FromPort"]!.GetValue<long>(), Is.EqualTo(443));
        Assert.That(Text(request, "SecurityGroupRule", "SecurityGroupRule", "CidrIpv4"), Is.EqualTo("0.0.0.0/0"));
        Assert.That(detail["responseElements"]!["ModifySecurityGroupRulesResponse"]!["return"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task RunInstances_emits_the_api_call_then_pending_and_running_state_changes()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "node");

        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0abcdef1234567890", MinCount = 1, MaxCount = 1, SubnetId = Subnet.SubnetId, SecurityGroupIds = [group.GroupId],
        })).Reservation.Instances.Single();

        var events = Emulator.Events.All;
        Assert.That(events.Select(e => (e.DetailType, e.EventName)), Is.EqualTo(new[]
        {
            ("AWS API Call via CloudTrail", "RunInstances"),
            ("EC2 Instance State-change Notification", "pending"),
            ("EC2 Instance State-change Notification", "running"),
        }));
        var detail = events[0].Parse()["detail"]!;
        Assert.That(Text(detail, "requestParameters", "instancesSet", "items", "0", "imageId"), Is.EqualTo("ami-0abcdef1234567890"));
        Assert.That(Text(detail, "requestParameters", "groupSet", "items", "0", "groupId"), Is.EqualTo(group.GroupId));
        Assert.That(Text(detail, "requestParameters", "subnetId"), Is.EqualTo(Subnet.SubnetId));
        var launched = detail["responseElements"]!["instancesSet"]!["items"]![0]!;
        Assert.That(Text(launched, "instanceId"), Is.EqualTo(instance.InstanceId));
        Assert.That(Text(launched, "instanceState", "name"), Is.EqualTo("pending"));
        Assert.That(launched["launchTime"]!.GetValue<long>(), Is.GreaterThan(1_500_000_000_000L), "times are epoch milliseconds");
        var eni = launched["networkInterfaceSet"]!["items"]![0]!;
        Assert.That(Text(eni, "privateIpAddressesSet", "item", "0", "privateIpAddress"), Is.EqualTo(instance.PrivateIpAddress),
            "CloudTrail keeps \"item\" for an ENI's addresses");
        Assert.That(eni["attachment"]!["deviceIndex"]!.GetValue<long>(), Is.EqualTo(0));
        Assert.That(Text(detail, "responseElements", "reservationId"), Does.StartWith("r-"));

        var stateChange = events[1].Parse();
        Assert.That(Text(stateChange, "source"), Is.EqualTo("aws.ec2"));
        Assert.That(Text(stateChange, "detail", "instance-id"), Is.EqualTo(instance.InstanceId));
        Assert.That(Text(stateChange, "detail", "state"), Is.EqualTo("pending"));
        Assert.That(Text(stateChange, "resources", "0"), Is.EqualTo($"arn:aws:ec2:us-east-1:123456789012:instance/{instance.InstanceId}"));
    }

    [Test]
    public async Task TerminateInstances_emits_the_api_call_then_shutting_down_and_terminated()
    {
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);

        await Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });

        var events = Emulator.Events.All;
        Assert.That(events.Select(e => e.EventName), Is.EqualTo(new[] { "TerminateInstances", "shutting-down", "terminated" }));
        var detail = events[0].Parse()["detail"]!;
        Assert.That(Text(detail, "requestParameters", "instancesSet", "items", "0", "instanceId"), Is.EqualTo(instance.InstanceId));
        Assert.That(Text(detail, "responseElements", "instancesSet", "items", "0", "currentState", "name"), Is.EqualTo("shutting-down"));
        Assert.That(detail["responseElements"]!["instancesSet"]!["items"]![0]!["previousState"]!["code"]!.GetValue<long>(), Is.EqualTo(16));
    }

    [Test]
    public async Task ENI_calls_record_their_parameters_in_cloudtrails_names()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);

        var eni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = Subnet.SubnetId, Description = "extra" })).NetworkInterface;
        var attachment = await Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId, InstanceId = instance.InstanceId, DeviceIndex = 1 });
        await Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Groups = [group.GroupId] });
        await Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = ["10.0.0.100"] });
        await Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachment.AttachmentId });
        await Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });

        var details = Emulator.Events.All.Select(e => e.Parse()["detail"]!).ToList();
        Assert.That(details.Select(d => Text(d, "eventName")), Is.EqualTo(new[]
        {
            "CreateNetworkInterface", "AttachNetworkInterface", "ModifyNetworkInterfaceAttribute", "AssignPrivateIpAddresses",
            "DetachNetworkInterface", "DeleteNetworkInterface",
        }));
        var create = details[0];
        Assert.That(create["requestParameters"]!["groupSet"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(create["requestParameters"]!["privateIpAddressesSet"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(Text(create, "responseElements", "networkInterface", "networkInterfaceId"), Is.EqualTo(eni.NetworkInterfaceId));
        Assert.That(Text(create, "responseElements", "networkInterface", "privateIpAddressesSet", "item", "0", "privateIpAddress"), Is.EqualTo(eni.PrivateIpAddress));
        Assert.That(Text(details[1], "requestParameters", "instanceId"), Is.EqualTo(instance.InstanceId));
        Assert.That(Text(details[1], "responseElements", "attachmentId"), Is.EqualTo(attachment.AttachmentId));
        Assert.That(Text(details[2], "requestParameters", "groupSet", "items", "0", "groupId"), Is.EqualTo(group.GroupId));
        Assert.That(details[2]["responseElements"]!["_return"]!.GetValue<bool>(), Is.True);
        Assert.That(Text(details[3], "requestParameters", "privateIpAddressesSet", "items", "0", "privateIpAddress"), Is.EqualTo("10.0.0.100"));
        Assert.That(Text(details[3], "responseElements", "assignedPrivateIpAddressesSet", "assignedPrivateIpAddressSetType", "0", "privateIpAddress"),
            Is.EqualTo("10.0.0.100"));
        Assert.That(Text(details[4], "requestParameters", "attachmentId"), Is.EqualTo(attachment.AttachmentId));
        Assert.That(Text(details[5], "requestParameters", "networkInterfaceId"), Is.EqualTo(eni.NetworkInterfaceId));
    }

    [Test]
    public async Task A_failed_call_is_recorded_with_its_error_and_no_response_elements()
    {
        await Ec2Error(() => Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = "sg-0123456789abcdef0" }));

        var emitted = Emulator.Events.All.Single();
        var detail = emitted.Parse()["detail"]!.AsObject();
        Assert.That(emitted.ErrorCode, Is.EqualTo("Client.InvalidGroup.NotFound"));
        Assert.That(Text(detail, "errorCode"), Is.EqualTo("Client.InvalidGroup.NotFound"));
        Assert.That(Text(detail, "errorMessage"), Is.EqualTo("The security group 'sg-0123456789abcdef0' does not exist"));
        Assert.That(detail.ContainsKey("responseElements") && detail["responseElements"] is null, Is.True, "responseElements: null");
        Assert.That(Text(detail, "requestParameters", "groupId"), Is.EqualTo("sg-0123456789abcdef0"));
    }

    [Test]
    public async Task Read_only_calls_emit_nothing()
    {
        await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
        await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest());
        await Ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest());

        Assert.That(Emulator.Events.Count, Is.Zero);
    }

    [Test]
    public async Task Drain_hands_over_the_events_once()
    {
        await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "a", Description = "a", VpcId = Vpc.VpcId });

        var first = Emulator.Events.Drain();
        var second = Emulator.Events.Drain();

        Assert.That(first.Select(e => e.EventName), Is.EqualTo(new[] { "CreateSecurityGroup" }));
        Assert.That(second, Is.Empty);
    }

    internal static string? Text(JsonNode node, params string[] path)
    {
        JsonNode? current = node;
        foreach (var step in path)
            current = int.TryParse(step, out var index) && current is JsonArray array ? array[index] : current?[step];
        return current?.GetValue<string>();
    }
}
