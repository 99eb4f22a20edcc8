namespace SgLambda.Diagnostics.Evaluation;

/// <summary>The verdict of one side of a flow: the source endpoint's egress or the destination endpoint's ingress.</summary>
public sealed record CalicoSideVerdict(
    TrafficDirection Direction,
    CalicoEndpoint Endpoint,
    SideOutcome Outcome,
    IReadOnlyList<TraceStep> Trace)
{
    /// <summary>The step that decided: the last one (earlier steps are Log rules and passing tiers).</summary>
    public TraceStep? DecidingStep => Trace.Count == 0 ? null : Trace[^1];

    public override string ToString() =>
        $"{Direction} of {Endpoint}: {Outcome}{(DecidingStep is { } step ? $" ({step})" : " (no applicable policy)")}";
}
