namespace SgLambda.Aws;

/// <summary>
/// A Kubernetes bearer token for EKS (<c>k8s-aws-v1.</c> + base64url of a presigned STS GetCallerIdentity
/// URL) and when STS stops accepting it: 15 minutes after it was signed.
/// </summary>
public sealed record EksToken(string Token, DateTimeOffset SignedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Keeps the token out of logs and exception messages.</summary>
    public override string ToString() => $"EksToken(signed {SignedAt:O}, expires {ExpiresAt:O})";
}
