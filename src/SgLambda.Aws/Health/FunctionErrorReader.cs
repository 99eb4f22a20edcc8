using SgLambda.Aws.Logs;
using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Aws.Health;

/// <summary>
/// A function's structured error lines of the last hour (CloudWatch Logs FilterLogEvents with
/// <see cref="FunctionErrorsCheck.ErrorFilterPattern"/>): how many, and the first few.
/// </summary>
public sealed class FunctionErrorReader(IAmazonCloudWatchLogs logs, TimeProvider? time = null)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public const int SampleCount = 3;
    private const int MaxSampleLength = 300;
    /// <summary>Enough to say "many"; an exact count of a flood is not worth more calls.</summary>
    private const int MaxPages = 10;

    public async Task<FunctionLogErrors> ReadAsync(string logGroupName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logGroupName);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var count = 0;
        var samples = new List<string>();
        string? next = null;
        try
        {
            for (var page = 0; page < MaxPages; page++)
            {
                var response = await logs.FilterLogEventsAsync(new FilterLogEventsRequest
                {
                    LogGroupName = logGroupName,
                    StartTime = (now - Window).ToUnixTimeMilliseconds(),
                    EndTime = now.ToUnixTimeMilliseconds(),
                    FilterPattern = FunctionErrorsCheck.ErrorFilterPattern,
                    NextToken = next,
                }, cancellationToken);
                count += response.Events.Count;
                foreach (var logEvent in response.Events.Take(SampleCount - samples.Count))
                {
                    var message = (logEvent.Message ?? "").Trim();
                    samples.Add(message.Length > MaxSampleLength ? message[..MaxSampleLength] + "..." : message);
                }
                next = response.NextToken;
                if (next is null) break;
            }
        }
        catch (ResourceNotFoundException)
        {
            return new FunctionLogErrors(logGroupName, Exists: false, 0, []);
        }
        return new FunctionLogErrors(logGroupName, Exists: true, count, samples);
    }
}
