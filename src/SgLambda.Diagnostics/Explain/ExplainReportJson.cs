using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// <c>explain -o json</c>: <c>{from, to, traffic, flow, allowed, agree, calico: {enforced, allowed,
/// integrationTiersPass, source, destination, egress, ingress}, aws: {allowed, exemption, egress, ingress},
/// notes}</c>. Built node by node (no reflection); absent values are left out of tier rows and rules.
/// </summary>
public static class ExplainReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToJsonString(ExplainReport report) => ToJsonNode(report).ToJsonString(Indented);

    public static JsonObject ToJsonNode(ExplainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["from"] = Endpoint(report.From),
            ["to"] = Endpoint(report.To),
            ["traffic"] = report.Traffic.ToString(),
            ["flow"] = Flow(report.Flow),
            ["allowed"] = report.Allowed,
            ["agree"] = report.Agree,
            ["calico"] = new JsonObject
            {
                ["enforced"] = report.CalicoEnforced,
                ["allowed"] = report.CalicoAllowed,
                ["integrationTiersPass"] = report.IntegrationTiersPass,
                ["source"] = report.CalicoSource,
                ["destination"] = report.CalicoDestination,
                ["egress"] = report.CalicoEgress is { } egress ? Side(egress) : null,
                ["ingress"] = report.CalicoIngress is { } ingress ? Side(ingress) : null,
            },
            ["aws"] = new JsonObject
            {
                ["allowed"] = report.AwsAllowed,
                ["exemption"] = report.AwsExemption,
                ["egress"] = Side(report.AwsEgress),
                ["ingress"] = Side(report.AwsIngress),
            },
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode?)n)]),
        };
    }

    /// <summary>The lower-case words JSON and tables use for a side's outcome.</summary>
    public static string OutcomeName(SideOutcome outcome) => outcome switch
    {
        SideOutcome.Allowed => "allowed",
        SideOutcome.Denied => "denied",
        _ => "passed",
    };

    /// <summary>The words JSON and tables use for a tier's decision.</summary>
    public static string DecisionName(TierDecision decision) => decision switch
    {
        TierDecision.Pass => "pass",
        TierDecision.Allow => "allow",
        TierDecision.Deny => "deny",
        TierDecision.NoPolicy => "no-policy",
        _ => "not-reached",
    };

    private static JsonObject Endpoint(ResolvedEndpoint endpoint) => new()
    {
        ["kind"] = ResolvedEndpoint.KindName(endpoint.Kind),
        ["query"] = endpoint.Query,
        ["id"] = endpoint.Id,
        ["addresses"] = new JsonArray([.. endpoint.Addresses.Select(a => (JsonNode?)a.ToString())]),
    };

    private static JsonObject Flow(Flow flow)
    {
        var node = new JsonObject
        {
            ["source"] = flow.Source.ToString(),
            ["destination"] = flow.Destination.ToString(),
            ["protocol"] = flow.Protocol,
        };
        if (flow.Port is { } port) node["port"] = port;
        if (flow.IcmpType is { } type) node["icmpType"] = type;
        if (flow.IcmpCode is { } code) node["icmpCode"] = code;
        return node;
    }

    private static JsonObject Side(CalicoSideReport side) => new()
    {
        ["direction"] = side.Direction == TrafficDirection.Egress ? "egress" : "ingress",
        ["endpoint"] = side.Endpoint,
        ["outcome"] = OutcomeName(side.Outcome),
        ["tiers"] = new JsonArray([.. side.Tiers.Select(t => (JsonNode?)Tier(t))]),
    };

    private static JsonObject Tier(TierStepReport step)
    {
        var node = new JsonObject { ["tier"] = step.Tier, ["decision"] = DecisionName(step.Decision) };
        AddIfSet(node, "by", step.By);
        AddIfSet(node, "policy", step.Policy);
        if (step.RuleIndex is { } index) node["ruleIndex"] = index;
        AddIfSet(node, "ruleId", step.RuleId);
        AddIfSet(node, "ruleDescription", step.RuleDescription);
        AddIfSet(node, "securityGroup", step.SecurityGroup);
        return node;
    }

    private static JsonObject Side(AwsSideReport side)
    {
        var node = new JsonObject
        {
            ["direction"] = side.Direction == TrafficDirection.Egress ? "egress" : "ingress",
            ["endpoint"] = side.Endpoint,
            ["governed"] = side.Governed,
            ["securityGroups"] = new JsonArray([.. side.SecurityGroups.Select(g => (JsonNode?)g)]),
            ["allowed"] = side.Allowed,
            ["rule"] = null,
        };
        if (side.Rule is { } rule)
        {
            var ruleNode = new JsonObject { ["securityGroupId"] = rule.SecurityGroupId };
            AddIfSet(ruleNode, "securityGroupName", rule.SecurityGroupName);
            AddIfSet(ruleNode, "ruleId", rule.RuleId);
            AddIfSet(ruleNode, "description", rule.Description);
            ruleNode["protocol"] = rule.Protocol;
            AddIfSet(ruleNode, "ports", rule.Ports);
            ruleNode["peer"] = rule.Peer;
            node["rule"] = ruleNode;
        }
        return node;
    }

    private static void AddIfSet(JsonObject node, string name, string? value)
    {
        if (value is not null) node[name] = value;
    }
}
