using Amazon.Runtime;

namespace SgLambda.Aws.Logs;

/// <summary>The SDK request object a <c>DefaultRequest</c> must name; the signer does not read it.</summary>
internal sealed class LogsSigningRequest : AmazonWebServiceRequest
{
}
