namespace SgLambda.Functions.Lambda;

/// <summary>
/// The invocation's context, named as Amazon.Lambda.Core's <c>ILambdaContext</c> (not available here), with
/// the members SgLambda uses, so the real package can replace it.
/// </summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }
    string FunctionName { get; }
    string InvokedFunctionArn { get; }
    /// <summary>Time left before Lambda stops the invocation.</summary>
    TimeSpan RemainingTime { get; }
}
