namespace SgLambda.Functions.Lambda;

/// <summary>One invocation as <c>GET /runtime/invocation/next</c> hands it out: its headers and the event's bytes.</summary>
public sealed record LambdaInvocation(string RequestId, DateTimeOffset Deadline, string InvokedFunctionArn, string? TraceId, byte[] Event);
