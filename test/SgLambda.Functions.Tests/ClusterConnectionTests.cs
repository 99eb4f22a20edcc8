namespace SgLambda.Functions.Tests;

public class ClusterConnectionTests
{
    [Test]
    public void The_ssm_parameter_gives_endpoint_and_ca()
    {
        var connection = ClusterConnection.FromParameterValue("/sglambda/cluster",
            """{"endpoint": "https://ABC.gr7.us-west-2.eks.amazonaws.com", "certificateAuthority": "TFMwdExTMUNSVWQ="}""");
        Assert.That(connection, Is.EqualTo(new ClusterConnection(new Uri("https://ABC.gr7.us-west-2.eks.amazonaws.com"), "TFMwdExTMUNSVWQ=")));
    }

    [Test]
    public void A_parameter_without_ca_trusts_the_system_roots()
    {
        var connection = ClusterConnection.FromParameterValue("p", """{"endpoint": "https://cluster.example"}""");
        Assert.That(connection.CertificateAuthority, Is.Null);
    }

    [Test]
    public void A_parameter_may_carry_the_bearer_token_of_a_cluster_that_is_not_eks()
    {
        var connection = ClusterConnection.FromParameterValue("p", """{"endpoint": "https://cluster.example", "token": " eyJhbGciOi "}""");
        Assert.That(connection.Token, Is.EqualTo("eyJhbGciOi"));
        Assert.That(ClusterConnection.FromParameterValue("p", """{"endpoint": "https://cluster.example"}""").Token, Is.Null);
    }

    [TestCase("not json", "expected JSON")]
    [TestCase("[]", "no \"endpoint\"")]
    [TestCase("""{"certificateAuthority": "x"}""", "no \"endpoint\"")]
    [TestCase("""{"endpoint": 42}""", "no \"endpoint\"")]
    [TestCase("""{"endpoint": "ftp://cluster"}""", "not an https:// URL")]
    public void A_bad_parameter_is_a_configuration_error_naming_the_variable_and_parameter(string value, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => ClusterConnection.FromParameterValue("/sglambda/cluster", value));
        Assert.That(error!.Variable, Is.EqualTo(EnvironmentVariables.ClusterSsmParameter));
        Assert.That(error.Message, Does.Contain("/sglambda/cluster").And.Contain(problem));
    }
}
