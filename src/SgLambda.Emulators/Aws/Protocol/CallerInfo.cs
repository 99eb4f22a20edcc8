namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>Who made a call, as CloudTrail records it: the signing key, the user agent and the source address.</summary>
internal sealed record CallerInfo(string? AccessKeyId, string? UserAgent, string SourceIpAddress);
