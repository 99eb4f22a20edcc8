namespace SgLambda.Core.Events;

/// <summary>A CloudTrail call SgLambda handles: the EventBridge source it arrives from and its event name.</summary>
public sealed record HandledCall(string Source, string EventName);
