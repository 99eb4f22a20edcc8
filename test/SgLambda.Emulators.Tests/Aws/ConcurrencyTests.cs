using Amazon.EC2.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>Calls from many clients at once: each is applied once, atomically, with its own event.</summary>
public sealed class ConcurrencyTests : EmulatorTestBase
{
    [Test]
    public async Task Concurrent_authorizations_each_add_their_rule_and_event()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var clients = Enumerable.Range(0, 4).Select(_ => CreateClient(Emulator, maxErrorRetry: 0)).ToList();

        var calls = Enumerable.Range(1000, 24).Select(port => clients[port % clients.Count].AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }));
        var results = await Task.WhenAll(calls);
        clients.ForEach(c => c.Dispose());

        var ruleIds = results.Select(r => r.SecurityGroupRules.Single().SecurityGroupRuleId).ToList();
        Assert.That(ruleIds.Distinct().Count(), Is.EqualTo(24));
        Assert.That(Emulator.Account.FindSecurityGroup(group.GroupId)!.Ingress.Select(r => r.SecurityGroupRuleId), Is.EquivalentTo(ruleIds));
        Assert.That(Emulator.Events.All.Select(e => e.Parse()["detail"]!["responseElements"]!["securityGroupRuleSet"]!["items"]![0]!["securityGroupRuleId"]!.GetValue<string>()),
            Is.EquivalentTo(ruleIds));
    }
}
