using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>Calico's verdict on one enforced side: the source's egress or the destination's ingress, tier by tier.</summary>
public sealed record CalicoSideReport(TrafficDirection Direction, string Endpoint, SideOutcome Outcome, IReadOnlyList<TierStepReport> Tiers);
