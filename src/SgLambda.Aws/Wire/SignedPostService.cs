namespace SgLambda.Aws.Wire;

/// <summary>What a <see cref="SignedPostClient"/> needs to know about the service it calls.</summary>
/// <param name="SigningName">The SigV4 service name (<c>rds</c>, <c>logs</c>).</param>
/// <param name="ServiceName">The SDK's service name on the signed request (<c>RDS</c>, <c>CloudWatchLogs</c>).</param>
/// <param name="ApiVersion">The service's API version.</param>
/// <param name="ContentType">The body's content type, signed with it.</param>
/// <param name="RetryableCodes">Error codes that mean "slow down" or "try again" (besides any 5xx).</param>
internal sealed record SignedPostService(
    string SigningName,
    string ServiceName,
    string ApiVersion,
    string ContentType,
    IReadOnlySet<string> RetryableCodes);
