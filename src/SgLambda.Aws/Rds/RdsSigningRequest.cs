using Amazon.Runtime;

namespace SgLambda.Aws.Rds;

/// <summary>The SDK request object a <c>DefaultRequest</c> must name; the signer does not read it.</summary>
internal sealed class RdsSigningRequest : AmazonWebServiceRequest
{
}
