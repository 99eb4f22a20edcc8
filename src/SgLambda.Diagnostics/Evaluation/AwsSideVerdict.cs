namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// One side of a flow in AWS: the source's egress rules or the destination's ingress rules. Allowed when
/// the endpoint is not SG-governed (<see cref="MatchedRule"/> null) or when one of its rules matched.
/// </summary>
public sealed record AwsSideVerdict(TrafficDirection Direction, AwsEndpoint Endpoint, bool Allowed, AwsRuleMatch? MatchedRule)
{
    public override string ToString() =>
        $"{Direction} of {Endpoint}: "
        + (!Endpoint.Governed ? "allowed (not SG-governed)"
            : MatchedRule is { } rule ? $"allowed by {rule}"
            : "denied (no rule matches)");
}
