using Amazon.EC2.Model;
using SgLambda.Emulators.Aws;

namespace SgLambda.Emulators.Tests.Aws;

public sealed class FailedCallEventOptionTests : EmulatorTestBase
{
    protected override Ec2EmulatorOptions Options => new() { EmitFailedCallEvents = false };

    [Test]
    public async Task With_the_option_off_failed_calls_emit_nothing_and_successful_ones_still_do()
    {
        await Ec2Error(() => Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = "sg-0123456789abcdef0" }));
        await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "a", Description = "a", VpcId = Vpc.VpcId });

        Assert.That(Emulator.Events.All.Select(e => e.EventName), Is.EqualTo(new[] { "CreateSecurityGroup" }));
    }
}
