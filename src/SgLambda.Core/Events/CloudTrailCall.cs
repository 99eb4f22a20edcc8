namespace SgLambda.Core.Events;

/// <summary>A CloudTrail API call to classify: its name and the lenient views of its request and response.</summary>
internal sealed record CloudTrailCall(string EventName, JsonField Request, JsonField Response);
