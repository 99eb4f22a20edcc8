namespace SgLambda.Emulators.Lambda;

/// <summary>An invocation to hand out on <c>GET /runtime/invocation/next</c>: the event and its headers.</summary>
public sealed record RuntimeInvocation(string Event)
{
    public string RequestId { get; init; } = Guid.NewGuid().ToString();
    /// <summary>The function's timeout: the deadline header is the time of hand-out plus this.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public string InvokedFunctionArn { get; init; } = "arn:aws:lambda:us-west-2:111122223333:function:sglambda-change-handler";
    /// <summary>The X-Ray header; null sends none.</summary>
    public string? TraceId { get; init; } = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
}
