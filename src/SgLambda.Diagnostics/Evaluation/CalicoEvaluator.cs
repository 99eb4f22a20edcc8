using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// Decides flows the way Calico does, from Calico objects, pods and the Kubernetes node names:
/// tiers in order, policies in order, first matching rule; then profiles. Pure: the inputs are
/// copied at construction and never change, so one evaluator answers any number of flows.
/// </summary>
public sealed class CalicoEvaluator
{
    /// <summary>The profile that makes a HostEndpoint allow what every tier passed.</summary>
    public const string DefaultAllowProfile = "projectcalico-default-allow";

    /// <summary>The label Calico puts on every workload endpoint.</summary>
    public const string OrchestratorLabel = "projectcalico.org/orchestrator";

    /// <summary>The label Calico gives every namespace (pods inherit it as <c>pcns.projectcalico.org/name</c>).</summary>
    public const string NamespaceNameLabel = "projectcalico.org/name";

    /// <summary>Calico's implicit tier for policies that name none.</summary>
    public const double DefaultTierOrder = 1_000_000;

    /// <summary>The three tiers SgLambda writes, in order.</summary>
    public static IReadOnlyList<string> IntegrationTiers { get; } = [TierNames.SgRemote, TierNames.SgLocal, TierNames.Metadata];

    private readonly IReadOnlyList<CompiledTier> _tiers;
    private readonly Dictionary<IPAddress, CalicoEndpoint> _owners = [];
    private readonly IReadOnlyList<CalicoEndpoint> _selectable;
    private readonly ConcurrentDictionary<IPAddress, CalicoEndpoint[]> _selectableByAddress = new();

    /// <param name="objects">Tiers, GlobalNetworkPolicies, NetworkPolicies, HostEndpoints and GlobalNetworkSets.</param>
    /// <param name="pods">The cluster's (non host-network) pods.</param>
    /// <param name="kubernetesNodeNames">Nodes running Felix: a HostEndpoint is enforced only on one of these.</param>
    /// <param name="namespaceLabels">Labels of each namespace, for namespaceSelectors (default: none).</param>
    /// <exception cref="FormatException">A selector, CIDR, port, protocol or action is invalid.</exception>
    public CalicoEvaluator(
        IEnumerable<CalicoObject> objects,
        IEnumerable<Pod> pods,
        IEnumerable<string> kubernetesNodeNames,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? namespaceLabels = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(kubernetesNodeNames);
        var objectList = objects.ToList();
        var nodeNames = kubernetesNodeNames.ToHashSet(StringComparer.Ordinal);

        var podEndpoints = pods.Select(pod => PodEndpoint(pod, namespaceLabels)).ToList();
        var hostEndpoints = objectList.OfType<HostEndpoint>()
            .OrderBy(hep => hep.Metadata.Name, StringComparer.Ordinal)
            .Select(hep => HostEndpointOf(hep, nodeNames))
            .ToList();
        var networkSets = objectList.OfType<GlobalNetworkSet>()
            .Select(set => new CalicoEndpoint(
                CalicoEndpointKind.GlobalNetworkSet,
                set.Metadata.Name,
                null,
                Labels(set.Metadata.Labels),
                (set.Spec.Nets ?? []).Select(IpCidr.Parse).ToList(),
                Enforced: false,
                []))
            .ToList();

        // An address belongs to its pod first, then to the first HostEndpoint (by name) that expects it.
        foreach (var endpoint in podEndpoints.Concat(hostEndpoints))
        {
            foreach (var address in endpoint.Addresses) _owners.TryAdd(address.Network, endpoint);
        }
        _selectable = [.. podEndpoints, .. hostEndpoints, .. networkSets];
        _tiers = CompileTiers(objectList);
    }

    /// <summary>The pod or HostEndpoint that owns an address (null: Calico knows no endpoint there).</summary>
    public CalicoEndpoint? FindEndpoint(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _owners.GetValueOrDefault(address);
    }

    /// <summary>The full verdict: every tier, then profiles, on each enforced side.</summary>
    public CalicoVerdict Evaluate(Flow flow) => Evaluate(flow, tierFilter: null);

    /// <summary>
    /// Only the named tiers (e.g. <see cref="IntegrationTiers"/>), and no profiles: each enforced side
    /// ends <see cref="SideOutcome.Passed"/> when the tiers let the flow go on, else Denied (or Allowed).
    /// </summary>
    public CalicoVerdict EvaluateTiers(Flow flow, IEnumerable<string> tierNames)
    {
        ArgumentNullException.ThrowIfNull(tierNames);
        return Evaluate(flow, tierNames.ToHashSet(StringComparer.Ordinal));
    }

    private CalicoVerdict Evaluate(Flow flow, HashSet<string>? tierFilter)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var source = FindEndpoint(flow.Source);
        var destination = FindEndpoint(flow.Destination);
        var egress = source is { Enforced: true } ? EvaluateSide(source, TrafficDirection.Egress, flow, tierFilter) : null;
        var ingress = destination is { Enforced: true } ? EvaluateSide(destination, TrafficDirection.Ingress, flow, tierFilter) : null;
        return new CalicoVerdict(flow, source, destination, egress, ingress);
    }

    private CalicoSideVerdict EvaluateSide(CalicoEndpoint endpoint, TrafficDirection direction, Flow flow, HashSet<string>? tierFilter)
    {
        var trace = new List<TraceStep>();
        CalicoSideVerdict Done(SideOutcome outcome) => new(direction, endpoint, outcome, trace);

        foreach (var tier in _tiers)
        {
            if (tierFilter is not null && !tierFilter.Contains(tier.Name)) continue;
            var applicable = tier.Policies.Where(policy => policy.AppliesTo(endpoint, direction)).ToList();
            if (applicable.Count == 0) continue;
            var passed = false;
            foreach (var policy in applicable)
            {
                foreach (var rule in policy.Rules(direction))
                {
                    if (!rule.Matches(flow, Selects)) continue;
                    trace.Add(new TraceStep(TraceStepKind.Rule, rule.Rule.Action, tier.Name, policy.DisplayName, rule.Index, rule.Rule.Metadata?.Annotations));
                    switch (rule.Rule.Action)
                    {
                        case RuleActions.Allow: return Done(SideOutcome.Allowed);
                        case RuleActions.Deny: return Done(SideOutcome.Denied);
                        case RuleActions.Pass: passed = true; break;
                        default: continue; // Log: note it and keep looking.
                    }
                    break;
                }
                if (passed) break;
            }
            if (passed) continue;
            trace.Add(new TraceStep(TraceStepKind.TierDefault, tier.DefaultAction, tier.Name));
            if (!string.Equals(tier.DefaultAction, RuleActions.Pass, StringComparison.Ordinal)) return Done(SideOutcome.Denied);
        }

        if (tierFilter is not null) return Done(SideOutcome.Passed);
        if (endpoint.Kind == CalicoEndpointKind.Pod)
        {
            // Every pod has its namespace's profile, which allows.
            trace.Add(new TraceStep(TraceStepKind.Profile, RuleActions.Allow, Policy: $"kns.{endpoint.Namespace}"));
            return Done(SideOutcome.Allowed);
        }
        var allows = endpoint.Profiles.Contains(DefaultAllowProfile, StringComparer.Ordinal);
        trace.Add(new TraceStep(
            TraceStepKind.Profile,
            allows ? RuleActions.Allow : RuleActions.Deny,
            Policy: allows ? DefaultAllowProfile : null));
        return Done(allows ? SideOutcome.Allowed : SideOutcome.Denied);
    }

    /// <summary>True when the address belongs to a pod, HostEndpoint or GlobalNetworkSet that the selector matches.</summary>
    private bool Selects(IPAddress address, LabelSelector selector) =>
        _selectableByAddress
            .GetOrAdd(address, key => [.. _selectable.Where(endpoint => endpoint.Contains(key))])
            .Any(endpoint => selector.Matches(endpoint.Labels));

    private static List<CompiledTier> CompileTiers(List<CalicoObject> objects)
    {
        var policies = objects.OfType<GlobalNetworkPolicy>()
            .Select(policy => CompiledPolicy.Compile(policy.Metadata.Name, null, policy.Spec))
            .Concat(objects.OfType<NetworkPolicy>()
                .Select(policy => CompiledPolicy.Compile(policy.Metadata.Name, policy.Metadata.Namespace ?? "default", policy.Spec)))
            .ToList();
        var tiers = objects.OfType<Tier>()
            .ToDictionary(tier => tier.Metadata.Name, tier => (Order: tier.Spec.Order, tier.Spec.DefaultAction), StringComparer.Ordinal);
        // Calico always has the default tier; a tier named by a policy but not defined is treated as unordered.
        tiers.TryAdd(CompiledPolicy.DefaultTier, (DefaultTierOrder, RuleActions.Deny));
        foreach (var policy in policies) tiers.TryAdd(policy.Tier, (null, null));

        return tiers
            .Select(tier => new CompiledTier(
                tier.Key,
                tier.Value.Order ?? CompiledPolicy.AbsentOrder,
                tier.Value.DefaultAction ?? RuleActions.Deny,
                policies
                    .Where(policy => string.Equals(policy.Tier, tier.Key, StringComparison.Ordinal))
                    .OrderBy(policy => policy.Order)
                    .ThenBy(policy => policy.DisplayName, StringComparer.Ordinal)
                    .ToList()))
            .OrderBy(tier => tier.Order)
            .ThenBy(tier => tier.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static CalicoEndpoint PodEndpoint(Pod pod, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? namespaceLabels)
    {
        // Labels as Calico's selectors see them: the namespace profile's labels (pcns.*), overridden by the
        // pod's own, overridden by the labels Calico itself sets on every workload endpoint.
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (namespaceLabels?.GetValueOrDefault(pod.Namespace) is { } inherited)
        {
            foreach (var (key, value) in inherited) labels[LabelSelector.NamespaceLabelPrefix + key] = value;
        }
        labels[LabelSelector.NamespaceLabelPrefix + NamespaceNameLabel] = pod.Namespace;
        foreach (var (key, value) in pod.Labels) labels[key] = value;
        labels[LabelSelector.NamespaceLabel] = pod.Namespace;
        labels[OrchestratorLabel] = "k8s";
        var bits = pod.Ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32";
        return new CalicoEndpoint(
            CalicoEndpointKind.Pod,
            pod.Name,
            pod.Namespace,
            labels,
            [IpCidr.Parse(pod.Ip + bits)],
            Enforced: true,
            [$"kns.{pod.Namespace}"]);
    }

    private static CalicoEndpoint HostEndpointOf(HostEndpoint hep, HashSet<string> nodeNames) =>
        new(
            CalicoEndpointKind.HostEndpoint,
            hep.Metadata.Name,
            null,
            Labels(hep.Metadata.Labels),
            (hep.Spec.ExpectedIPs ?? []).Select(IpCidr.Parse).ToList(),
            Enforced: nodeNames.Contains(hep.Spec.Node),
            hep.Spec.Profiles ?? []);

    private static ImmutableSortedDictionary<string, string> Labels(ImmutableSortedDictionary<string, string>? labels) =>
        labels ?? ImmutableSortedDictionary<string, string>.Empty;
}
