using SgLambda.Aws;

namespace SgLambda.Functions.Tests;

/// <summary>The settings the production composition adds: a static cluster token, and the SDKs' standard endpoint variables.</summary>
public class CompositionSettingsTests
{
    private static readonly Dictionary<string, string> Minimal = new(StringComparer.Ordinal)
    {
        [EnvironmentVariables.VpcId] = "vpc-0a1b2c3d4e5f60718",
        [EnvironmentVariables.ClusterName] = "sglambda-tutorial",
        [EnvironmentVariables.ClusterEndpoint] = "https://ABCDEF.gr7.us-west-2.eks.amazonaws.com",
        [EnvironmentVariables.AwsRegion] = "us-west-2",
    };

    [TestCase(null, null)]
    [TestCase("  ", null)]
    [TestCase(" token-1 ", "token-1")]
    public void The_cluster_token_is_optional(string? value, string? expected)
    {
        var environment = new Dictionary<string, string>(Minimal, StringComparer.Ordinal);
        if (value is not null) environment[EnvironmentVariables.ClusterToken] = value;
        var settings = FunctionSettingsReader.Read(name => environment.GetValueOrDefault(name));
        Assert.That(settings.ClusterToken, Is.EqualTo(expected));
    }

    [TestCase(null, null, null, null, null)]
    [TestCase("http://shared", null, null, "http://shared", "http://shared")]
    [TestCase("http://shared", "http://ec2", null, "http://ec2", "http://shared")]
    [TestCase(null, "http://ec2", "http://rds", "http://ec2", "http://rds")]
    [TestCase("", " ", "http://rds", null, "http://rds")]
    public void Service_endpoint_variables_win_over_the_shared_one(string? shared, string? ec2, string? rds, string? expectedEc2, string? expectedRds)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = shared,
            ["AWS_ENDPOINT_URL_EC2"] = ec2,
            ["AWS_ENDPOINT_URL_RDS"] = rds,
        };
        var options = AwsClientOptions.FromEnvironment("eu-west-1", name => environment.GetValueOrDefault(name));
        Assert.That((options.Region, options.Ec2ServiceUrl, options.RdsServiceUrl), Is.EqualTo(("eu-west-1", expectedEc2, expectedRds)));
    }
}
