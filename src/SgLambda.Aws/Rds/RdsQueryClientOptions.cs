using SgLambda.Aws.Wire;

namespace SgLambda.Aws.Rds;

/// <summary>Where and how <see cref="RdsQueryClient"/> calls RDS (<c>https://rds.&lt;region&gt;.amazonaws.com</c> by default).</summary>
public sealed record RdsQueryClientOptions : SignedPostClientOptions
{
    protected override string EndpointPrefix => RdsQueryClient.SigningName;
}
