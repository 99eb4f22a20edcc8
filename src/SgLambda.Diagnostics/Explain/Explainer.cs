using System.Globalization;
using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// Answers "why is this flow allowed or denied": resolves both ends, evaluates the flow with Calico's
/// semantics (every tier, with the trace) and with AWS SG semantics, and reports both side by side. Pure:
/// built once from <see cref="ExplainInputs"/>, it answers any number of questions.
/// </summary>
public sealed class Explainer
{
    private readonly ExplainInputs _inputs;
    private readonly EndpointResolver _resolver;
    private readonly CalicoEvaluator _calico;
    private readonly AwsEvaluator _aws;
    private readonly IReadOnlyList<string> _tiers;
    private readonly RuleIdIndex _ruleIds;
    private readonly Dictionary<string, SecurityGroup> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _loadNotes = [];

    /// <exception cref="FormatException">A Calico object of the cluster has an invalid selector, CIDR, port or action.</exception>
    public Explainer(ExplainInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = inputs;
        _resolver = new EndpointResolver(inputs);
        var workloads = inputs.Pods.Select(p => p.AsWorkload()).OfType<Pod>().ToList();
        _calico = new CalicoEvaluator(inputs.Cluster, workloads, FelixNodes(inputs, _loadNotes), inputs.NamespaceLabels);
        _aws = new AwsEvaluator(inputs.Aws, inputs.Config, workloads);
        _tiers = OrderedTiers(inputs.Cluster);
        _ruleIds = new RuleIdIndex(inputs.Aws.SecurityGroupRules);
        foreach (var group in inputs.Aws.SecurityGroups) _groups.TryAdd(group.GroupId, group);
    }

    /// <exception cref="ExplainQueryException">An endpoint is unknown or ambiguous, or the port is malformed.</exception>
    public ExplainReport Explain(string from, string to, string port)
    {
        var traffic = TrafficSpec.Parse(port);
        var source = _resolver.Resolve("--from", from);
        var destination = _resolver.Resolve("--to", to);
        var (sourceAddress, destinationAddress) = Pair(source, destination);
        return Explain(source, destination, traffic, traffic.ToFlow(sourceAddress, destinationAddress));
    }

    /// <summary>Explains one flow between two addresses, whoever owns them.</summary>
    public ExplainReport Explain(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var source = new ResolvedEndpoint(ExplainEndpointKind.Address, flow.Source.ToString(), flow.Source.ToString(), [flow.Source]);
        var destination = new ResolvedEndpoint(ExplainEndpointKind.Address, flow.Destination.ToString(), flow.Destination.ToString(), [flow.Destination]);
        return Explain(source, destination, new TrafficSpec(flow.Protocol, flow.Port, flow.IcmpType, flow.IcmpCode), flow);
    }

    private ExplainReport Explain(ResolvedEndpoint source, ResolvedEndpoint destination, TrafficSpec traffic, Flow flow)
    {
        var calico = _calico.Evaluate(flow);
        var integration = _calico.EvaluateTiers(flow, CalicoEvaluator.IntegrationTiers);
        var aws = _aws.Evaluate(flow);
        var notes = new List<string>(_inputs.Notes.Concat(_loadNotes));
        var enforced = calico.Egress is not null || calico.Ingress is not null;
        if (!enforced)
            notes.Add("Calico enforces neither end (no pod or cluster-node HostEndpoint owns either address): AWS security groups alone decide");
        var metadata = calico.Egress?.Endpoint.Kind == CalicoEndpointKind.Pod && AwsExemptAddresses.IsInstanceMetadata(flow.Destination);
        if (metadata)
            notes.Add("the metadata tier alone decides a pod's access to the instance metadata service (label aws.tigera.io/allow-metadata-access, config defaultPodMetadataAccess)");
        else if (aws.Exemption is { } exemption)
            notes.Add($"AWS never filters this flow by security groups ({exemption})");

        return new ExplainReport
        {
            From = source,
            To = destination,
            Traffic = traffic,
            Flow = flow,
            CalicoSource = calico.SourceEndpoint?.ToString(),
            CalicoDestination = calico.DestinationEndpoint?.ToString(),
            CalicoEgress = calico.Egress is { } egress ? Side(egress) : null,
            CalicoIngress = calico.Ingress is { } ingress ? Side(ingress) : null,
            AwsEgress = Side(aws.Egress),
            AwsIngress = Side(aws.Ingress),
            AwsExemption = aws.Exemption,
            CalicoAllowed = calico.IsAllowed,
            IntegrationTiersPass = integration.IsPassed,
            AwsAllowed = aws.Allowed,
            Agree = !enforced || metadata || integration.IsPassed == SecurityGroupsPass(aws, calico),
            Notes = notes,
        };
    }

    /// <summary>
    /// What the integration tiers must answer (SEMANTICS.md section 1): the SG rules of the enforced ends, and
    /// (through sg-remote) of the HostEndpoint at the far end of an enforced end, which the trust SG stops AWS
    /// from filtering. An ENI without a HostEndpoint keeps being filtered by AWS itself.
    /// </summary>
    private static bool SecurityGroupsPass(AwsVerdict aws, CalicoVerdict calico)
    {
        if (aws.Exemption is not null) return true;
        static bool HasHostEndpoint(AwsEndpoint endpoint) => endpoint.Kind is AwsEndpointKind.ClusterNode or AwsEndpointKind.VpcMember;
        var sourceEnforced = calico.Egress is not null;
        var destinationEnforced = calico.Ingress is not null;
        var egressChecked = sourceEnforced || (HasHostEndpoint(aws.Egress.Endpoint) && destinationEnforced);
        var ingressChecked = destinationEnforced || (HasHostEndpoint(aws.Ingress.Endpoint) && sourceEnforced);
        return (!egressChecked || aws.Egress.Allowed) && (!ingressChecked || aws.Ingress.Allowed);
    }

    /// <summary>The first address of the source with an address of the same family at the destination.</summary>
    private static (IPAddress Source, IPAddress Destination) Pair(ResolvedEndpoint source, ResolvedEndpoint destination)
    {
        foreach (var address in source.Addresses)
        {
            var match = destination.Addresses.FirstOrDefault(a => a.AddressFamily == address.AddressFamily);
            if (match is not null) return (address, match);
        }
        throw new ExplainQueryException("--to", destination.Query,
            $"{destination} has no address of the same IP family as {source} ({string.Join(", ", source.Addresses)})");
    }

    private CalicoSideReport Side(CalicoSideVerdict verdict)
    {
        var rows = new List<TierStepReport>();
        var decided = false;
        foreach (var tier in _tiers.Concat(verdict.Trace.Where(s => s.Tier is not null).Select(s => s.Tier!)).Distinct(StringComparer.Ordinal))
        {
            if (decided)
            {
                rows.Add(new TierStepReport(tier, TierDecision.NotReached));
                continue;
            }
            var step = verdict.Trace.LastOrDefault(s => string.Equals(s.Tier, tier, StringComparison.Ordinal));
            if (step is null)
            {
                rows.Add(new TierStepReport(tier, TierDecision.NoPolicy));
                continue;
            }
            var decision = Decision(step.Action);
            decided = decision != TierDecision.Pass;
            rows.Add(Row(tier, decision, step));
        }
        if (verdict.Trace.LastOrDefault(s => s.Kind == TraceStepKind.Profile) is { } profile)
            rows.Add(Row("profile", Decision(profile.Action), profile));
        return new CalicoSideReport(verdict.Direction, verdict.Endpoint.ToString(), verdict.Outcome, rows);
    }

    private static TierStepReport Row(string tier, TierDecision decision, TraceStep step)
    {
        var notes = step.Annotations;
        return new TierStepReport(
            tier,
            decision,
            step.Kind switch { TraceStepKind.Rule => "rule", TraceStepKind.TierDefault => "tier default", _ => "profile" },
            step.Policy,
            step.RuleIndex,
            notes?.GetValueOrDefault(LabelKeys.RuleId),
            notes?.GetValueOrDefault(LabelKeys.RuleDescription),
            notes?.GetValueOrDefault(LabelKeys.SecurityGroupId));
    }

    private static TierDecision Decision(string action) => action switch
    {
        RuleActions.Allow => TierDecision.Allow,
        RuleActions.Deny => TierDecision.Deny,
        _ => TierDecision.Pass,
    };

    private AwsSideReport Side(AwsSideVerdict verdict) =>
        new(
            verdict.Direction,
            verdict.Endpoint.ToString(),
            verdict.Endpoint.Governed,
            verdict.Endpoint.SecurityGroupIds,
            verdict.Allowed,
            verdict.MatchedRule is { } match ? Rule(match, verdict.Direction == TrafficDirection.Egress) : null);

    private AwsRuleReport Rule(AwsRuleMatch match, bool isEgress)
    {
        var permission = match.Permission;
        var peerKind = match.Peer.StartsWith("pl-", StringComparison.Ordinal) ? "pl"
            : match.Peer.StartsWith("sg-", StringComparison.Ordinal) ? "sg"
            : match.Peer.Contains(':', StringComparison.Ordinal) ? "ipv6"
            : "ipv4";
        var description = peerKind switch
        {
            "pl" => permission.PrefixListIds.FirstOrDefault(p => p.Id == match.Peer)?.Description,
            "sg" => permission.UserIdGroupPairs.FirstOrDefault(p => p.GroupId == match.Peer)?.Description,
            "ipv6" => permission.Ipv6Ranges.FirstOrDefault(r => r.CidrIpv6 == match.Peer)?.Description,
            _ => permission.IpRanges.FirstOrDefault(r => r.CidrIp == match.Peer)?.Description,
        };
        return new AwsRuleReport(
            match.SecurityGroupId,
            _groups.GetValueOrDefault(match.SecurityGroupId)?.GroupName,
            _ruleIds.Find(match.SecurityGroupId, isEgress, permission, peerKind, match.Peer),
            description,
            permission.IpProtocol,
            Ports(permission),
            match.Peer);
    }

    private static string? Ports(IpPermission permission)
    {
        if (permission.FromPort is null or -1 && permission.ToPort is null or -1) return null;
        return permission.FromPort == permission.ToPort
            ? permission.FromPort?.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{permission.FromPort}-{permission.ToPort}");
    }

    /// <summary>
    /// Nodes running Felix: the Kubernetes nodes. Without any Node list (a snapshot without nodes.json), the
    /// nodes that node HostEndpoints name stand in for it.
    /// </summary>
    private static HashSet<string> FelixNodes(ExplainInputs inputs, List<string> notes)
    {
        var names = new HashSet<string>(inputs.NodeNames ?? [], StringComparer.Ordinal);
        names.UnionWith(inputs.Aws.Nodes.Select(n => n.Name));
        if (inputs.NodeNames is not null || names.Count > 0) return names;
        foreach (var hostEndpoint in inputs.Cluster.OfType<HostEndpoint>())
        {
            if (hostEndpoint.Metadata.Labels?.GetValueOrDefault(LabelKeys.EndpointKind) == "cluster-node"
                && !string.Equals(hostEndpoint.Spec.Node, inputs.Config.MemberNodeName, StringComparison.Ordinal))
            {
                names.Add(hostEndpoint.Spec.Node);
            }
        }
        if (names.Count > 0) notes.Add("no Kubernetes Node list (nodes.json): the nodes of the node HostEndpoints are taken as running Felix");
        return names;
    }

    /// <summary>The cluster's tiers in evaluation order, the default tier included.</summary>
    private static List<string> OrderedTiers(IReadOnlyList<CalicoObject> cluster)
    {
        var orders = cluster.OfType<Tier>().ToDictionary(t => t.Metadata.Name, t => t.Spec.Order ?? double.PositiveInfinity, StringComparer.Ordinal);
        orders.TryAdd("default", CalicoEvaluator.DefaultTierOrder);
        return orders.OrderBy(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key).ToList();
    }
}
