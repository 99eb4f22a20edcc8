using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SgLambda.Aws;

namespace SgLambda.Functions;

/// <summary>
/// Reads one SSM parameter (decrypted: SecureStrings too) at cold start, with the function's credentials;
/// <c>AWS_ENDPOINT_URL_SSM</c> or <c>AWS_ENDPOINT_URL</c> redirect the call (VPC endpoints, tests).
/// </summary>
public static class SsmParameterReader
{
    /// <summary>The parameter's value; a failure throws <see cref="ConfigurationException"/> naming <paramref name="variable"/> and the parameter.</summary>
    public static string Read(string name, string variable, string region, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = new AmazonSimpleSystemsManagementConfig();
        if ((environment("AWS_ENDPOINT_URL_SSM") ?? environment("AWS_ENDPOINT_URL")) is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        using var ssm = new AmazonSimpleSystemsManagementClient(AwsClients.DefaultCredentials(), config);
        GetParameterResponse response;
        try
        {
            // Cold start has no synchronization context to deadlock on.
            response = ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }).GetAwaiter().GetResult();
        }
        catch (AmazonSimpleSystemsManagementException e)
        {
            throw new ConfigurationException(variable, $"parameter {name}: {e.Message}");
        }
        return response.Parameter?.Value ?? "";
    }
}
