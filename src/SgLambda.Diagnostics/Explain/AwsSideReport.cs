using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// What AWS SG semantics say of one side: the endpoint as AWS sees it, its SGs, and the rule that allowed
/// the flow (null when denied, or when the endpoint is not SG-governed).
/// </summary>
public sealed record AwsSideReport(TrafficDirection Direction, string Endpoint, bool Governed, IReadOnlyList<string> SecurityGroups, bool Allowed, AwsRuleReport? Rule);
