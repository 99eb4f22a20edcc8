using SgLambda.Functions.Lambda;

namespace SgLambda.Functions.Tests;

/// <summary>A context for invoking handlers in tests (named as Amazon.Lambda.TestUtilities' TestLambdaContext).</summary>
internal sealed class TestLambdaContext : ILambdaContext
{
    public string AwsRequestId { get; init; } = "test-request-1";
    public string FunctionName { get; init; } = "sglambda-change-handler";
    public string InvokedFunctionArn { get; init; } = "arn:aws:lambda:us-west-2:111122223333:function:sglambda-change-handler";
    public TimeSpan RemainingTime { get; init; } = TimeSpan.FromSeconds(30);
}
