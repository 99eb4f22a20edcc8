using SgLambda.Aws.Wire;

namespace SgLambda.Aws.Logs;

/// <summary>Where and how <see cref="CloudWatchLogsJsonClient"/> calls CloudWatch Logs (<c>https://logs.&lt;region&gt;.amazonaws.com</c> by default).</summary>
public sealed record CloudWatchLogsClientOptions : SignedPostClientOptions
{
    protected override string EndpointPrefix => CloudWatchLogsJsonClient.SigningName;
}
