using SgLambda.Core.Configuration;

namespace SgLambda.Functions.Tests;

public class FunctionSettingsReaderTests
{
    private static readonly Dictionary<string, string> Minimal = new(StringComparer.Ordinal)
    {
        [EnvironmentVariables.VpcId] = "vpc-0a1b2c3d4e5f60718",
        [EnvironmentVariables.ClusterName] = "sglambda-tutorial",
        [EnvironmentVariables.ClusterEndpoint] = "https://ABCDEF.gr7.us-west-2.eks.amazonaws.com",
        [EnvironmentVariables.AwsRegion] = "us-west-2",
    };

    private static FunctionSettings Read(Dictionary<string, string> environment) => FunctionSettingsReader.Read(name => environment.GetValueOrDefault(name));

    private static Dictionary<string, string> With(string name, string? value)
    {
        var environment = new Dictionary<string, string>(Minimal, StringComparer.Ordinal);
        if (value is null) environment.Remove(name);
        else environment[name] = value;
        return environment;
    }

    [Test]
    public void Minimal_environment_takes_the_documented_defaults()
    {
        var settings = Read(Minimal);
        Assert.That(settings.Config.VpcId, Is.EqualTo("vpc-0a1b2c3d4e5f60718"));
        Assert.That(settings.Config.EnforceNodes, Is.True);
        Assert.That(settings.Config.DefaultPodMetadataAccess, Is.EqualTo(MetadataAccess.Denied));
        Assert.That(settings.Config.MemberNodeName, Is.EqualTo("sglambda-vpc-members"));
        Assert.That(settings.Config.CalicoApiGroup, Is.EqualTo("projectcalico.org/v3"));
        Assert.That(settings.Config.AttachTrustSecurityGroup, Is.False);
        Assert.That(settings.LogLevel, Is.EqualTo(LogLevel.Information));
    }

    [Test]
    public void All_variables_are_read()
    {
        var environment = new Dictionary<string, string>(Minimal, StringComparer.Ordinal)
        {
            [EnvironmentVariables.PodSecurityGroupId] = "sg-0e7a3c9d5f1b46803",
            [EnvironmentVariables.NodeSecurityGroupIds] = "sg-0c5e1a7b3d9f24681, sg-0aa",
            [EnvironmentVariables.TrustSecurityGroupId] = "sg-0f8b4d0e6a2c57914",
            [EnvironmentVariables.EnforcedSecurityGroupId] = "sg-0a9c5e1f7b3d68025",
            [EnvironmentVariables.AttachTrustSecurityGroup] = "true",
            [EnvironmentVariables.DefaultPodMetadataAccess] = "Allowed",
            [EnvironmentVariables.EnforceNodes] = "false",
            [EnvironmentVariables.CalicoApiGroup] = "crd.projectcalico.org/v1",
            [EnvironmentVariables.LogLevel] = "debug",
            [EnvironmentVariables.ExemptNamespaces] = "kube-system, ops",
        };
        var settings = Read(environment);
        Assert.That(settings.Config.ExemptNamespaces, Is.EqualTo(new[] { "kube-system", "ops" }));
        Assert.That(settings.Config.NodeSecurityGroupIds, Is.EqualTo(new[] { "sg-0c5e1a7b3d9f24681", "sg-0aa" }));
        Assert.That(settings.Config.AttachTrustSecurityGroup, Is.True);
        Assert.That(settings.Config.DefaultPodMetadataAccess, Is.EqualTo(MetadataAccess.Allowed));
        Assert.That(settings.Config.EnforceNodes, Is.False);
        Assert.That(settings.Config.CalicoApiGroup, Is.EqualTo("crd.projectcalico.org/v1"));
        Assert.That(settings.LogLevel, Is.EqualTo(LogLevel.Debug));
    }

    [Test]
    public void Exempt_namespaces_default_to_the_cluster_components_and_may_be_none()
    {
        Assert.That(Read(Minimal).Config.ExemptNamespaces, Is.EqualTo(SgLambdaConfig.DefaultExemptNamespaces));
        var none = new Dictionary<string, string>(Minimal, StringComparer.Ordinal) { [EnvironmentVariables.ExemptNamespaces] = "" };
        Assert.That(Read(none).Config.ExemptNamespaces, Is.Empty);
    }

    [TestCase(EnvironmentVariables.VpcId, null, "SGLAMBDA_VPC_ID: required: the cluster's VPC id (vpc-...)")]
    [TestCase(EnvironmentVariables.VpcId, "vpc-XYZ", "SGLAMBDA_VPC_ID: expected a VPC id (vpc- and hex digits), got 'vpc-XYZ'")]
    [TestCase(EnvironmentVariables.ClusterName, null, "SGLAMBDA_CLUSTER_NAME: required: the cluster's name")]
    [TestCase(EnvironmentVariables.ClusterEndpoint, null, "SGLAMBDA_CLUSTER_ENDPOINT: required (or set SGLAMBDA_CLUSTER_SSM_PARAMETER)")]
    [TestCase(EnvironmentVariables.ClusterEndpoint, "not a url", "SGLAMBDA_CLUSTER_ENDPOINT: expected an https:// URL, got 'not a url'")]
    [TestCase(EnvironmentVariables.ClusterCertificateAuthority, "***", "SGLAMBDA_CLUSTER_CA: expected the base64 CA bundle (certificateAuthority.data of aws eks describe-cluster)")]
    [TestCase(EnvironmentVariables.PodSecurityGroupId, "group-1", "SGLAMBDA_POD_SECURITY_GROUP_ID: expected an SG id (sg-...), got 'group-1'")]
    [TestCase(EnvironmentVariables.NodeSecurityGroupIds, "sg-01,nope", "SGLAMBDA_NODE_SECURITY_GROUP_IDS: expected comma-separated SG ids (sg-...), got 'nope'")]
    [TestCase(EnvironmentVariables.ExemptNamespaces, "kube-system,Ops", "SGLAMBDA_EXEMPT_NAMESPACES: expected comma-separated namespace names, got 'Ops'")]
    [TestCase(EnvironmentVariables.EnforceNodes, "yes", "SGLAMBDA_ENFORCE_NODES: expected true or false, got 'yes'")]
    [TestCase(EnvironmentVariables.DefaultPodMetadataAccess, "Maybe", "SGLAMBDA_DEFAULT_POD_METADATA_ACCESS: expected Allowed or Denied, got 'Maybe'")]
    [TestCase(EnvironmentVariables.CalicoApiGroup, "v3", "SGLAMBDA_CALICO_API_GROUP: expected projectcalico.org/v3 or crd.projectcalico.org/v1, got 'v3'")]
    [TestCase(EnvironmentVariables.LogLevel, "Loud", "SGLAMBDA_LOG_LEVEL: expected Debug, Information, Warning or Error, got 'Loud'")]
    [TestCase(EnvironmentVariables.AwsRegion, null, "AWS_REGION: required: the AWS region (Lambda sets it)")]
    [TestCase(EnvironmentVariables.AttachTrustSecurityGroup, "true", "SGLAMBDA_TRUST_SECURITY_GROUP_ID: required when SGLAMBDA_ATTACH_TRUST_SECURITY_GROUP is true")]
    public void A_bad_variable_is_named_with_what_was_expected(string name, string? value, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(With(name, value)));
        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
