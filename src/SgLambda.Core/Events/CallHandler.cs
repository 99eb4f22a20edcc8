namespace SgLambda.Core.Events;

/// <summary>How to classify one CloudTrail call, and the EventBridge source it arrives from.</summary>
internal sealed record CallHandler(string Source, Func<CloudTrailCall, CallEffect> Classify);
