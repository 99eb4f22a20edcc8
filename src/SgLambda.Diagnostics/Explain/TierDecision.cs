namespace SgLambda.Diagnostics.Explain;

/// <summary>What one tier did with one side of a flow.</summary>
public enum TierDecision
{
    /// <summary>A rule or the tier's default passed the flow to the next tier.</summary>
    Pass,
    Allow,
    Deny,
    /// <summary>No policy of the tier applies to the endpoint: Calico goes on to the next tier.</summary>
    NoPolicy,
    /// <summary>An earlier tier already decided.</summary>
    NotReached,
}
