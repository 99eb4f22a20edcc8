using Amazon.Runtime;

namespace SgLambda.Aws.Tests.Support;

/// <summary>Hands the AWS SDK an HttpClient over a <see cref="StubHttpHandler"/>.</summary>
public sealed class StubHttpClientFactory(StubHttpHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
