namespace SgLambda.Kubernetes.Tests;

public class AwsProviderIdTests
{
    [TestCase("aws:///us-east-1a/i-0123456789abcdef0", "i-0123456789abcdef0")]
    [TestCase("aws:////i-0abc", "i-0abc")]
    [TestCase("aws:///us-east-1a/", null)]
    [TestCase("aws:///us-east-1a/fargate-ip-10-0-1-5", null)]
    [TestCase("gce://project/zone/instance", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void Provider_ids_name_the_EC2_instance(string? providerId, string? instanceId)
    {
        Assert.That(AwsProviderId.InstanceId(providerId), Is.EqualTo(instanceId));
    }
}
