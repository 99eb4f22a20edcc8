namespace SgLambda.Functions.Lambda;

/// <summary>An invocation's context from the Runtime API's headers (request id, ARN, deadline).</summary>
public sealed class LambdaContext(string awsRequestId, string functionName, string invokedFunctionArn, DateTimeOffset deadline, TimeProvider time) : ILambdaContext
{
    public string AwsRequestId { get; } = awsRequestId;
    public string FunctionName { get; } = functionName;
    public string InvokedFunctionArn { get; } = invokedFunctionArn;
    public DateTimeOffset Deadline { get; } = deadline;
    public TimeSpan RemainingTime => Deadline - time.GetUtcNow();

    /// <summary>
    /// The managed runtime calls Stream handlers without a context SgLambda can read (that needs
    /// Amazon.Lambda.Core): this one knows the function's name and a timeout from its configuration.
    /// </summary>
    public static LambdaContext FromEnvironment(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var name = Environment.GetEnvironmentVariable(EnvironmentVariables.FunctionName) ?? "sglambda";
        var timeout = int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_TIMEOUT"), out var seconds) ? seconds : 60;
        return new LambdaContext(Guid.NewGuid().ToString(), name, name, time.GetUtcNow().AddSeconds(timeout), time);
    }
}
