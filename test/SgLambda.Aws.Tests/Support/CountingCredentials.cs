using Amazon.Runtime;

namespace SgLambda.Aws.Tests.Support;

/// <summary>Fixed credentials that count how often they are asked for.</summary>
public sealed class CountingCredentials(string accessKey, string secretKey, string? sessionToken = null) : AWSCredentials
{
    public int Reads { get; private set; }

    public override ImmutableCredentials GetCredentials()
    {
        Reads++;
        return new ImmutableCredentials(accessKey, secretKey, sessionToken);
    }

    public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(GetCredentials());
}
