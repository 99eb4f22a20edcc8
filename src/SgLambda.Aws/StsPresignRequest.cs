using Amazon.Runtime;

namespace SgLambda.Aws;

/// <summary>The SDK request object a <c>DefaultRequest</c> must name; the presigner does not read it.</summary>
internal sealed class StsPresignRequest : AmazonWebServiceRequest
{
}
