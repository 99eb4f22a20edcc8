namespace SgLambda.Kubernetes;

/// <summary>The EC2 instance behind a Node's <c>spec.providerID</c> (<c>aws:///us-east-1a/i-0abc...</c>).</summary>
public static class AwsProviderId
{
    /// <summary>The instance id, or null when the provider id is absent or not an AWS EC2 one.</summary>
    public static string? InstanceId(string? providerId)
    {
        if (providerId is null || !providerId.StartsWith("aws://", StringComparison.Ordinal)) return null;
        var last = providerId[(providerId.LastIndexOf('/') + 1)..];
        return last.StartsWith("i-", StringComparison.Ordinal) && last.Length > 2 ? last : null;
    }
}
