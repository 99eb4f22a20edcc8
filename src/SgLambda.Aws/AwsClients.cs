using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using SgLambda.Aws.Rds;

namespace SgLambda.Aws;

/// <summary>Builds the production clients: the default credential chain, the SDK's retries, regional endpoints.</summary>
public static class AwsClients
{
    /// <summary>The EC2 client configuration: retry mode and count, per-attempt timeout, endpoint.</summary>
    public static AmazonEC2Config Ec2Config(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonEC2Config
        {
            RetryMode = options.RetryMode,
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = options.Timeout,
            ThrottleRetries = true,
        };
        if (options.Ec2ServiceUrl is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return config;
    }

    public static IAmazonEC2 CreateEc2Client(AwsClientOptions options, AWSCredentials? credentials = null) =>
        credentials is null ? new AmazonEC2Client(Ec2Config(options)) : new AmazonEC2Client(credentials, Ec2Config(options));

    public static IAmazonRDS CreateRdsClient(AwsClientOptions options, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RdsQueryClient(credentials ?? DefaultCredentials(), new RdsQueryClientOptions
        {
            Region = options.Region,
            ServiceUrl = options.RdsServiceUrl,
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = options.Timeout,
        });
    }

    /// <summary>The default credential chain (environment, profile, container/instance role), as the SDK clients use it.</summary>
    public static AWSCredentials DefaultCredentials() => DefaultAWSCredentialsIdentityResolver.GetCredentials();
}
