using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using SgLambda.Aws.Logs;

namespace SgLambda.Aws.Health;

/// <summary>
/// The clients doctor uses to read the functions' health, with the AWS SDKs' standard endpoint variables
/// (<c>AWS_ENDPOINT_URL_SQS</c>, <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>, else <c>AWS_ENDPOINT_URL</c>).
/// </summary>
public static class HealthClients
{
    public static IAmazonSQS CreateSqsClient(string region, Func<string, string?>? environment = null, AWSCredentials? credentials = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var config = new AmazonSQSConfig { RetryMode = RequestRetryMode.Standard, MaxErrorRetry = 4 };
        if (Endpoint("SQS", environment) is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return credentials is null ? new AmazonSQSClient(config) : new AmazonSQSClient(credentials, config);
    }

    public static IAmazonCloudWatchLogs CreateLogsClient(string region, Func<string, string?>? environment = null, AWSCredentials? credentials = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return new CloudWatchLogsJsonClient(credentials ?? AwsClients.DefaultCredentials(),
            new CloudWatchLogsClientOptions { Region = region, ServiceUrl = Endpoint("CLOUDWATCH_LOGS", environment), MaxErrorRetry = 4 });
    }

    private static string? Endpoint(string service, Func<string, string?>? environment)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return Get("AWS_ENDPOINT_URL_" + service) ?? Get("AWS_ENDPOINT_URL");
    }
}
