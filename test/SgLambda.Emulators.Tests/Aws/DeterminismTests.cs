using Amazon.EC2.Model;
using SgLambda.Emulators.Aws;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>Ids come from the seed: the same seed and the same calls give the same ids.</summary>
public sealed class DeterminismTests
{
    [Test]
    public async Task The_same_seed_and_calls_give_the_same_ids_and_another_seed_other_ids()
    {
        var first = await IdsOf(seed: 42);
        var again = await IdsOf(seed: 42);
        var other = await IdsOf(seed: 43);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
        Assert.That(first[0], Does.Match("^vpc-[0-9a-f]{17}$"));
        Assert.That(first[1], Does.Match("^sg-[0-9a-f]{17}$"));
        Assert.That(first[2], Does.Match("^sgr-[0-9a-f]{17}$"));
        Assert.That(first[3], Does.Match("^eni-[0-9a-f]{17}$"));
    }

    private static async Task<IReadOnlyList<string>> IdsOf(int seed)
    {
        await using var emulator = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = seed });
        var vpc = emulator.Account.AddVpc("10.0.0.0/16", withDefaultSecurityGroup: false);
        var subnet = emulator.Account.Subnets.Single();
        using var ec2 = EmulatorTestBase.CreateClientFor(emulator);
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "a", Description = "a", VpcId = vpc.VpcId });
        var rule = (await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest())).SecurityGroupRules.Single();
        var eni = await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet.SubnetId, Groups = [group.GroupId] });
        return [vpc.VpcId, group.GroupId, rule.SecurityGroupRuleId, eni.NetworkInterface.NetworkInterfaceId];
    }
}
