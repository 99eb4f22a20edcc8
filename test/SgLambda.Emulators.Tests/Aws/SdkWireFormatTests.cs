using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>
/// What AWSSDK.EC2 v4 actually sends, captured from the real client by a bare loopback listener: the
/// Query parameters the emulator parses. If an SDK update changes them, these tests say so first.
/// </summary>
public sealed class SdkWireFormatTests
{
    private WebApplication _server = null!;
    private AmazonEC2Client _ec2 = null!;
    private readonly List<(string ContentType, string Authorization, Dictionary<string, string> Form)> _captured = [];

    [SetUp]
    public async Task StartCapturing()
    {
        _captured.Clear();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(async http =>
        {
            var form = await http.Request.ReadFormAsync();
            lock (_captured)
                _captured.Add((http.Request.ContentType ?? "", http.Request.Headers.Authorization.ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("<Response><Errors><Error><Code>Captured</Code><Message>captured</Message></Error></Errors><RequestID>r</RequestID></Response>");
        });
        await _server.StartAsync();
        _ec2 = new AmazonEC2Client(new BasicAWSCredentials("AKIDCAPTURE", "secret"), new AmazonEC2Config
        {
            ServiceURL = _server.Urls.First(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0,
        });
    }

    [TearDown]
    public async Task StopCapturing()
    {
        _ec2.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task The_sdk_posts_form_encoded_query_parameters_signed_with_sigv4_for_ec2()
    {
        await Send(() => _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            GroupIds = ["sg-1", "sg-2"], Filters = [new Filter("vpc-id", ["vpc-1", "vpc-2"])], MaxResults = 5, NextToken = "token",
        }));

        var (contentType, authorization, form) = _captured.Single();
        Assert.That(contentType, Does.StartWith("application/x-www-form-urlencoded"));
        Assert.That(authorization, Does.StartWith("AWS4-HMAC-SHA256 Credential=AKIDCAPTURE/").And.Contain("/eu-west-1/ec2/aws4_request"));
        Assert.That(form, Is.EqualTo(new Dictionary<string, string>
        {
            ["Action"] = "DescribeSecurityGroups", ["Version"] = "2016-11-15",
            ["GroupId.1"] = "sg-1", ["GroupId.2"] = "sg-2",
            ["Filter.1.Name"] = "vpc-id", ["Filter.1.Value.1"] = "vpc-1", ["Filter.1.Value.2"] = "vpc-2",
            ["MaxResults"] = "5", ["NextToken"] = "token",
        }));
    }

    [Test]
    public async Task Permissions_are_flattened_with_their_query_names()
    {
        await Send(() => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = "sg-1",
            IpPermissions =
            [
                new IpPermission
                {
                    IpProtocol = "tcp", FromPort = 22, ToPort = 22,
                    Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "ssh" }],
                    Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }],
                    PrefixListIds = [new PrefixListId { Id = "pl-1" }],
                    UserIdGroupPairs = [new UserIdGroupPair { GroupId = "sg-2" }],
                },
            ],
        }));

        Assert.That(_captured.Single().Form, Is.EqualTo(new Dictionary<string, string>
        {
            ["Action"] = "AuthorizeSecurityGroupIngress", ["Version"] = "2016-11-15", ["GroupId"] = "sg-1",
            ["IpPermissions.1.IpProtocol"] = "tcp", ["IpPermissions.1.FromPort"] = "22", ["IpPermissions.1.ToPort"] = "22",
            ["IpPermissions.1.IpRanges.1.CidrIp"] = "10.0.0.0/8", ["IpPermissions.1.IpRanges.1.Description"] = "ssh",
            ["IpPermissions.1.Ipv6Ranges.1.CidrIpv6"] = "::/0",
            ["IpPermissions.1.PrefixListIds.1.PrefixListId"] = "pl-1",
            ["IpPermissions.1.Groups.1.GroupId"] = "sg-2",
        }));
    }

    [Test]
    public async Task Rule_ids_groups_and_rule_updates_use_the_singular_list_names()
    {
        await Send(() => _ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = "sg-1", SecurityGroupRuleIds = ["sgr-1"] }));
        await Send(() => _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = "eni-1", Groups = ["sg-1", "sg-2"] }));
        await Send(() => _ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = "sg-1",
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = "sgr-1",
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 1, ToPort = 2, CidrIpv4 = "1.2.3.4/32" },
            }],
        }));

        Assert.That(_captured[0].Form["SecurityGroupRuleId.1"], Is.EqualTo("sgr-1"));
        Assert.That((_captured[1].Form["SecurityGroupId.1"], _captured[1].Form["SecurityGroupId.2"]), Is.EqualTo(("sg-1", "sg-2")));
        Assert.That(_captured[2].Form, Does.ContainKey("SecurityGroupRule.1.SecurityGroupRuleId")
            .And.ContainKey("SecurityGroupRule.1.SecurityGroupRule.CidrIpv4")
            .And.ContainKey("SecurityGroupRule.1.SecurityGroupRule.FromPort"));
    }

    [Test]
    public async Task RunInstances_and_create_network_interface_send_groups_and_addresses_as_ec2_names_them()
    {
        await Send(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-1", MinCount = 1, MaxCount = 1, SubnetId = "subnet-1", SecurityGroupIds = ["sg-1"],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "x")] }],
        }));
        await Send(() => _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = "subnet-1", Groups = ["sg-1"],
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.0.5", Primary = true }],
        }));
        await Send(() => _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ["i-1", "i-2"] }));

        Assert.That(_captured[0].Form, Does.ContainKey("SecurityGroupId.1").And.ContainKey("TagSpecification.1.Tag.1.Key").And.ContainKey("ClientToken"));
        Assert.That(_captured[1].Form, Does.ContainKey("SecurityGroupId.1").And.ContainKey("PrivateIpAddresses.1.PrivateIpAddress")
            .And.ContainKey("PrivateIpAddresses.1.Primary"));
        Assert.That((_captured[2].Form["InstanceId.1"], _captured[2].Form["InstanceId.2"]), Is.EqualTo(("i-1", "i-2")));
    }

    private static async Task Send(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.That(error.ErrorCode, Is.EqualTo("Captured"));
    }
}
