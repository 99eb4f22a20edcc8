namespace SgLambda.Functions.Lambda;

/// <summary>The Lambda Runtime API's headers (version 2018-06-01) and the trace variable it feeds.</summary>
public static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    /// <summary>The invocation's deadline in Unix milliseconds.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    /// <summary>On error posts: the error's type, which Lambda reports when the body cannot be read.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
    /// <summary>The X-Ray trace header of the current invocation, for the AWS SDKs.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";
    /// <summary>The content type of Lambda's standard error document.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}
