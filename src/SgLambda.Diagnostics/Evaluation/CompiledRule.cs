using System.Net;
using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>A policy rule ready to match flows; <see cref="Index"/> is its position in the policy's list.</summary>
internal sealed record CompiledRule(
    int Index,
    Rule Rule,
    int? Protocol,
    CompiledEntityRule Source,
    CompiledEntityRule Destination)
{
    public static CompiledRule Compile(int index, Rule rule, string? policyNamespace, string policyName)
    {
        if (rule.Action is not (RuleActions.Allow or RuleActions.Deny or RuleActions.Pass or RuleActions.Log))
        {
            throw new FormatException($"policy {policyName} rule {index}: unknown action \"{rule.Action}\"");
        }
        int? protocol = null;
        if (rule.Protocol is { } given)
        {
            protocol = given.Number ?? IpProtocols.FromCalicoName(given.Text ?? "")
                ?? throw new FormatException($"policy {policyName} rule {index}: unknown protocol \"{given}\"");
        }
        return new CompiledRule(
            index,
            rule,
            protocol,
            CompiledEntityRule.Compile(rule.Source, policyNamespace),
            CompiledEntityRule.Compile(rule.Destination, policyNamespace));
    }

    public bool Matches(Flow flow, Func<IPAddress, LabelSelector, bool> selects)
    {
        if (Protocol is { } protocol && protocol != flow.Protocol) return false;
        if (Rule.IpVersion is { } version && version != flow.IpVersion) return false;
        if (Rule.Icmp is { } icmp)
        {
            if (icmp.Type is { } type && type != flow.IcmpType) return false;
            if (icmp.Code is { } code && code != flow.IcmpCode) return false;
        }
        return Source.Matches(flow.Source, null, selects)
            && Destination.Matches(flow.Destination, flow.Port, selects);
    }
}
