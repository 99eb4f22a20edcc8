using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace SgLambda.Aws;

/// <summary>
/// The client configuration AWSSDK.Core's SigV4 signer reads (service and region to sign for), for a
/// service whose SDK package is not used here (RDS).
/// </summary>
internal sealed class SigningClientConfig : ClientConfig
{
    private static readonly DefaultConfiguration Standard = new()
    {
        Name = DefaultConfigurationMode.Standard,
        RetryMode = RequestRetryMode.Standard,
    };

    private readonly string _serviceName;
    private readonly string _serviceVersion;

    public SigningClientConfig(string serviceName, string serviceVersion, string region, Uri endpoint)
        : base(new DefaultConfigurationProvider([Standard]))
    {
        _serviceName = serviceName;
        _serviceVersion = serviceVersion;
        AuthenticationServiceName = serviceName;
        AuthenticationRegion = region;
        ServiceURL = endpoint.ToString();
    }

    public override string ServiceVersion => _serviceVersion;

    public override string UserAgent => "sglambda";

    public override string RegionEndpointServiceName => _serviceName;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
}
