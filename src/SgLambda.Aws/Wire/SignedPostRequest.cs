using Amazon.Runtime;

namespace SgLambda.Aws.Wire;

/// <summary>The SDK request object a <c>DefaultRequest</c> must name; the signer does not read it.</summary>
internal sealed class SignedPostRequest : AmazonWebServiceRequest
{
}
