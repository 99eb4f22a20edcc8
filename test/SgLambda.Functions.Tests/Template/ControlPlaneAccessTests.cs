namespace SgLambda.Functions.Tests.Template;

/// <summary>
/// Issue 11, item 4: an annotated pod is in its SGs and the pod-default SG, which the EKS control plane's SG
/// does not admit, so by default the template lets the pod-default SG reach the API server on 443.
/// </summary>
public class ControlPlaneAccessTests
{
    private static SamTemplate Template => SamTemplate.Load();

    [Test]
    public void The_pod_default_sg_reaches_the_control_plane_on_443_by_default()
    {
        var parameter = SamTemplate.Map(Template.Parameters["PodsReachControlPlane"]);
        Assert.That(parameter["Default"], Is.EqualTo("true"));

        Assert.That(Template.Type("ControlPlaneFromPods"), Is.EqualTo("AWS::EC2::SecurityGroupIngress"));
        Assert.That(SamTemplate.Map(Template.Resources["ControlPlaneFromPods"])["Condition"], Is.EqualTo("PodsToControlPlane"));
        Assert.That(SamTemplate.Descendants(Template.Conditions["PodsToControlPlane"]).Select(value => SamTemplate.Intrinsic(value, "Ref")), Does.Contain("PodsReachControlPlane"));
        var rule = Template.Properties("ControlPlaneFromPods");
        Assert.That(SamTemplate.Intrinsic(rule["GroupId"], "Ref"), Is.EqualTo("ControlPlaneSecurityGroupId"));
        Assert.That(new[] { rule["IpProtocol"], rule["FromPort"], rule["ToPort"] }.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(new[] { "tcp", "443", "443" }));
        var source = SamTemplate.Descendants(rule["SourceSecurityGroupId"]).Select(value => SamTemplate.Intrinsic(value, "Ref")).OfType<string>().ToList();
        Assert.That(source, Is.EquivalentTo(new[] { "PodDefaultSecurityGroup", "PodSecurityGroupId" }), "the pod-default SG, created or given");
    }
}
