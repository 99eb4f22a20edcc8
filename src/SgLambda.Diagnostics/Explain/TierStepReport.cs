namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// One tier's part in a Calico verdict: what it decided and, when a rule decided, the policy, the rule's
/// index and the SG rule it was translated from (id, description and SG, from the rule's annotations).
/// <see cref="By"/> is <c>rule</c>, <c>tier default</c> or <c>profile</c> (the last row, when every tier passed).
/// </summary>
public sealed record TierStepReport(
    string Tier,
    TierDecision Decision,
    string? By = null,
    string? Policy = null,
    int? RuleIndex = null,
    string? RuleId = null,
    string? RuleDescription = null,
    string? SecurityGroup = null);
