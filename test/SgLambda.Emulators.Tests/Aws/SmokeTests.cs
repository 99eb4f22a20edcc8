using Amazon.EC2.Model;

namespace SgLambda.Emulators.Tests.Aws;

public sealed class SmokeTests : EmulatorTestBase
{
    [Test]
    public async Task Describe_security_groups_returns_the_vpc_default_group()
    {
        var response = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
        Assert.That(response.SecurityGroups.Select(g => g.GroupName), Is.EqualTo(new[] { "default" }));
    }
}
