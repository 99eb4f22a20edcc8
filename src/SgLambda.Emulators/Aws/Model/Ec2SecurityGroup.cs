using System.Collections.Immutable;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// An emulated security group. Its rules are kept one peer per rule, each with its <c>sgr-</c> id, as
/// DescribeSecurityGroupRules shows them; DescribeSecurityGroups groups them back into permissions.
/// </summary>
public sealed record Ec2SecurityGroup(string GroupId, string GroupName, string Description, string VpcId, string OwnerId)
{
    public ImmutableList<SecurityGroupRule> Rules { get; init; } = [];
    public IReadOnlyList<Tag> Tags { get; init; } = [];
    /// <summary>The tags of its rules (TagSpecification <c>security-group-rule</c>, CreateTags on <c>sgr-</c> ids), by rule id.</summary>
    public ImmutableDictionary<string, IReadOnlyList<Tag>> RuleTags { get; init; } = ImmutableDictionary.Create<string, IReadOnlyList<Tag>>(StringComparer.Ordinal);

    public IEnumerable<SecurityGroupRule> Ingress => Rules.Where(r => !r.IsEgress);
    public IEnumerable<SecurityGroupRule> Egress => Rules.Where(r => r.IsEgress);
}
