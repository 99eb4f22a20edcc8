namespace SgLambda.Core.Translation;

/// <summary>
/// One SG rule with exactly one peer: AWS's permissions flattened, with the rule id
/// (from DescribeSecurityGroupRules) and description when AWS gives them.
/// </summary>
public sealed record SecurityGroupRuleView(
    string GroupId,
    RuleDirection Direction,
    RuleProtocol Protocol,
    RulePeer Peer,
    string? RuleId,
    string? Description);
