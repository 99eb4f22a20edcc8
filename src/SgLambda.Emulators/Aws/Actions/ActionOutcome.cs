using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Actions;

/// <summary>
/// A handled call: the response body (inside the action's response element), what CloudTrail records as
/// responseElements when it differs from the body (RDS records the result object alone), and the instance
/// state changes EC2 announces (EC2 Instance State-change Notification), in order.
/// </summary>
internal sealed record ActionOutcome(WireStruct Response)
{
    public WireNode? CloudTrailResponse { get; init; }
    public IReadOnlyList<(string InstanceId, string State)> InstanceStateChanges { get; init; } = [];
}
