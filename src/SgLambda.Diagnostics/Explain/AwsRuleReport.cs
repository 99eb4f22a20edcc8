namespace SgLambda.Diagnostics.Explain;

/// <summary>The SG rule that let one side of a flow through: group, rule id, description, protocol, ports and peer.</summary>
public sealed record AwsRuleReport(string SecurityGroupId, string? SecurityGroupName, string? RuleId, string? Description, string Protocol, string? Ports, string Peer);
