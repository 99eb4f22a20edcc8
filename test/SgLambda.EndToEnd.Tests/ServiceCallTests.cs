using Amazon.EC2.Model;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// Other services change the SGs of ENIs they own; the EC2-level call may not reach the trail, so the
/// service's own call must bring the cluster back to render of AWS.
/// </summary>
public class ServiceCallTests
{
    private static async Task<(Harness Harness, List<string> Groups)> StartAsync()
    {
        var harness = await Harness.StartAsync(seed: 21);
        harness.SeedAccount();
        var groups = harness.Aws.Account.SecurityGroups.Where(g => g.VpcId == harness.VpcId).Select(g => g.GroupId).Order(StringComparer.Ordinal).ToList();
        return (harness, groups);
    }

    /// <summary>Changes an ENI's SGs as a service does: the EC2 event is lost, so the cluster is left behind.</summary>
    private static async Task ChangeSilentlyAsync(Harness harness, string eni, params string[] groups)
    {
        await harness.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Groups = [.. groups] });
        harness.Aws.Events.Drain();
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.False, "the lost EC2 event leaves the cluster behind");
    }

    [Test]
    public async Task An_EFS_mount_target_SG_change_reaches_the_cluster()
    {
        var (harness, groups) = await StartAsync();
        await using var _ = harness;
        var eni = harness.Aws.Account.AddNetworkInterface(new NetworkInterfaceSpec
        {
            SubnetId = harness.SubnetId, GroupIds = [groups[0]], Description = "EFS mount target for fs-0a1b2c3d (fsmt-0a1b2c3d4e5f60741)", RequesterManaged = true,
        }).NetworkInterfaceId;
        await harness.ReconcileAsync();
        await ChangeSilentlyAsync(harness, eni, groups[1], groups[2]);

        var report = await harness.DeliverAsync(ServiceEvents.ModifyMountTargetSecurityGroups("fsmt-0a1b2c3d4e5f60741", groups[1], groups[2]));

        Assert.That(report.Skipped, Is.Null);
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True);
    }

    [Test]
    public async Task A_load_balancer_SG_change_reaches_the_cluster()
    {
        var (harness, groups) = await StartAsync();
        await using var _ = harness;
        var enis = Enumerable.Range(0, 2).Select(_ => harness.Aws.Account.AddNetworkInterface(new NetworkInterfaceSpec
        {
            SubnetId = harness.SubnetId, GroupIds = [groups[0]], Description = "ELB app/web/50dc6c495c0c9188", RequesterId = "amazon-elb", RequesterManaged = true,
        }).NetworkInterfaceId).ToList();
        await harness.ReconcileAsync();
        foreach (var eni in enis) await harness.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Groups = [groups[3]] });
        harness.Aws.Events.Drain();

        await harness.DeliverAsync(ServiceEvents.SetLoadBalancerSecurityGroups("app/web/50dc6c495c0c9188", groups[3]));

        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True);
    }

    [Test]
    public async Task A_call_of_an_unknown_service_re_reads_the_members_of_the_SGs_it_names()
    {
        var (harness, groups) = await StartAsync();
        await using var _ = harness;
        var eni = harness.Aws.Account.AddNetworkInterface(new NetworkInterfaceSpec
        {
            SubnetId = harness.SubnetId, GroupIds = [groups[0]], Description = "arn:aws:ecs:us-west-2:111122223333:attachment/1b2c3d4e", RequesterManaged = true,
        }).NetworkInterfaceId;
        await harness.ReconcileAsync();
        await ChangeSilentlyAsync(harness, eni, groups[2]);

        var report = await harness.DeliverAsync(ServiceEvents.UpdateEcsService(groups[2]));

        Assert.That(report.Event!.Reason, Does.Contain("is not a known call"));
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True);
    }
}
