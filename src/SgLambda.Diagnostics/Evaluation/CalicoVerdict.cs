namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// Calico's verdict on a flow: each enforced side separately (null when that side is not enforced,
/// or has no endpoint at all), and the endpoints that own the two addresses.
/// </summary>
public sealed record CalicoVerdict(
    Flow Flow,
    CalicoEndpoint? SourceEndpoint,
    CalicoEndpoint? DestinationEndpoint,
    CalicoSideVerdict? Egress,
    CalicoSideVerdict? Ingress)
{
    public IEnumerable<CalicoSideVerdict> Sides => new[] { Egress, Ingress }.OfType<CalicoSideVerdict>();

    /// <summary>Every evaluated side allows the flow (true when no side is enforced).</summary>
    public bool IsAllowed => Sides.All(side => side.Outcome == SideOutcome.Allowed);

    /// <summary>For a tier subset: every evaluated side leaves the tiers by Pass (true when no side is enforced).</summary>
    public bool IsPassed => Sides.All(side => side.Outcome == SideOutcome.Passed);

    public override string ToString() =>
        $"{Flow}: {string.Join("; ", Sides.Select(side => side.ToString()).DefaultIfEmpty("no enforced endpoint"))}";
}
