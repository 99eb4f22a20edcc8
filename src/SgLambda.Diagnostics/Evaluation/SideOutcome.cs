namespace SgLambda.Diagnostics.Evaluation;

/// <summary>How one side of a flow ends: allowed or denied, or (when only some tiers were evaluated) passed on by them.</summary>
public enum SideOutcome
{
    Allowed,
    Denied,
    /// <summary>The evaluated tiers let the flow go on to later tiers (a Pass rule, a Pass default, or no applicable policy).</summary>
    Passed,
}
