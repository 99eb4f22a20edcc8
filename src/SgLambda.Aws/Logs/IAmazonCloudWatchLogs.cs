namespace SgLambda.Aws.Logs;

/// <summary>
/// The part of CloudWatch Logs SgLambda calls, named as AWSSDK.CloudWatchLogs names it (that package is
/// not available to this build; the real client can replace this one).
/// </summary>
public interface IAmazonCloudWatchLogs : IDisposable
{
    /// <summary>One page of log events matching a filter pattern in a time range (<c>Logs_20140328.FilterLogEvents</c>).</summary>
    Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default);
}
