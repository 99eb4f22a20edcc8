using Amazon.Runtime;
using SgLambda.Kubernetes;

namespace SgLambda.Cli;

/// <summary>Failures of live AWS or cluster calls, reported in one line instead of a stack trace.</summary>
internal static class ServiceErrors
{
    public static bool IsServiceFailure(Exception e) =>
        e is AmazonServiceException or AmazonClientException or KubernetesRequestException or HttpRequestException or k8s.Autorest.HttpOperationException;

    public static int Report(Exception e, TextWriter stderr)
    {
        var source = e is AmazonServiceException or AmazonClientException ? "AWS" : "cluster";
        stderr.WriteLine($"error: {source}: {e.Message}");
        return ExitCodes.Unavailable;
    }
}
