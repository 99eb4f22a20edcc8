using System.Diagnostics;
using System.Net;
using Amazon.EC2.Model;
using SgLambda.Emulators.Aws;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>Injected faults as the SDK sees them: retried when transient, and never half-applied.</summary>
public sealed class FaultTests : EmulatorTestBase
{
    [Test]
    public async Task Throttling_is_retried_by_the_sdk_and_the_call_then_succeeds_once()
    {
        Emulator.Faults.FailNext("CreateSecurityGroup", 1, FaultKind.Throttling);

        var created = await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = Vpc.VpcId });

        Assert.That(Emulator.Calls.Count("CreateSecurityGroup"), Is.EqualTo(2));
        Assert.That(Emulator.Faults.InjectedCount, Is.EqualTo(1));
        Assert.That(Emulator.Account.SecurityGroups.Count(g => g.GroupName == "web"), Is.EqualTo(1));
        Assert.That(Emulator.Events.All.Select(e => e.ErrorCode), Is.EqualTo(new[] { "Client.RequestLimitExceeded", null }),
            "CloudTrail records the throttled attempt too");
        Assert.That(Emulator.Events.All[1].Parse()["detail"]!["responseElements"]!["groupId"]!.GetValue<string>(), Is.EqualTo(created.GroupId));
    }

    [Test]
    public async Task Without_retries_throttling_surfaces_as_RequestLimitExceeded_with_http_503()
    {
        using var ec2 = CreateClient(Emulator, maxErrorRetry: 0);
        Emulator.Faults.FailNext("DescribeSecurityGroups", 1, FaultKind.Throttling);

        var error = await Ec2Error(() => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest()));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("RequestLimitExceeded", HttpStatusCode.ServiceUnavailable)));
    }

    [TestCase(FaultKind.InternalError, "InternalError", HttpStatusCode.InternalServerError)]
    [TestCase(FaultKind.Unavailable, "Unavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_fault_changes_nothing(FaultKind kind, string code, HttpStatusCode status)
    {
        using var ec2 = CreateClient(Emulator, maxErrorRetry: 0);
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        Emulator.Faults.FailNext("AuthorizeSecurityGroupIngress", 1, kind);

        var error = await Ec2Error(() => ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, status)));
        Assert.That(Emulator.Account.FindSecurityGroup(group.GroupId)!.Ingress, Is.Empty);
        Assert.That(Emulator.Events.All.Single().ErrorCode, Is.EqualTo("Server." + code));
    }

    [Test]
    public async Task A_call_held_past_the_client_timeout_is_retried_and_done_once()
    {
        Emulator.Faults.TimeoutDelay = TimeSpan.FromMinutes(5);
        Emulator.Faults.FailNext("CreateSecurityGroup", 1, FaultKind.Timeout);
        using var ec2 = CreateClient(Emulator, maxErrorRetry: 1, timeout: TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = Vpc.VpcId });

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "the client gave up on the held call");
        Assert.That(Emulator.Calls.Count("CreateSecurityGroup"), Is.EqualTo(2));
        Assert.That(Emulator.Account.SecurityGroups.Count(g => g.GroupName == "web"), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_retries_a_held_call_times_out_on_the_client()
    {
        Emulator.Faults.TimeoutDelay = TimeSpan.FromMinutes(5);
        Emulator.Faults.FailNext(FaultInjector.AnyAction, 1, FaultKind.Timeout);
        using var ec2 = CreateClient(Emulator, maxErrorRetry: 0, timeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () =>
            ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = Vpc.VpcId }));

        Assert.That(error, Is.InstanceOf<OperationCanceledException>().Or.InstanceOf<TimeoutException>().Or.InstanceOf<Amazon.Runtime.AmazonServiceException>());
    }

    [Test]
    public async Task Stopping_the_emulator_does_not_wait_for_a_held_call()
    {
        var emulator = await Ec2Emulator.StartAsync();
        emulator.Faults.TimeoutDelay = TimeSpan.FromMinutes(5);
        emulator.Faults.FailNext(FaultInjector.AnyAction, 1, FaultKind.Timeout);
        using var ec2 = CreateClient(emulator, maxErrorRetry: 0, timeout: TimeSpan.FromMinutes(5));
        var held = ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
        Assert.That(SpinWait.SpinUntil(() => emulator.Calls.Count("DescribeVpcs") == 1, TimeSpan.FromSeconds(10)), Is.True, "the call arrived and is held");
        var clock = Stopwatch.StartNew();

        await emulator.DisposeAsync();

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => held);
    }

    [Test]
    public async Task Random_faults_follow_the_seed()
    {
        var first = await FailurePattern(seed: 7);
        var again = await FailurePattern(seed: 7);
        var other = await FailurePattern(seed: 8);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(first, Does.Contain(true).And.Contain(false), "a probability of one half fails some calls, not all");
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task Calls_are_counted_per_action_including_failed_ones()
    {
        await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
        await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());
        await Ec2Error(() => Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));

        Assert.That(Emulator.Calls.Snapshot(), Is.EqualTo(new Dictionary<string, int> { ["DescribeSecurityGroups"] = 2, ["DescribeVpcs"] = 1 }));
        Assert.That(Emulator.Calls.Total, Is.EqualTo(3));
        Emulator.Calls.Reset();
        Assert.That(Emulator.Calls.Total, Is.Zero);
    }

    private static async Task<IReadOnlyList<bool>> FailurePattern(int seed)
    {
        await using var emulator = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = seed });
        emulator.Faults.FailRandomly(0.5, FaultKind.InternalError);
        using var ec2 = CreateClient(emulator, maxErrorRetry: 0);
        var failed = new List<bool>();
        for (var i = 0; i < 24; i++)
        {
            try
            {
                await ec2.DescribeVpcsAsync(new DescribeVpcsRequest());
                failed.Add(false);
            }
            catch (Amazon.EC2.AmazonEC2Exception)
            {
                failed.Add(true);
            }
        }
        return failed;
    }
}
