using System.Diagnostics;
using System.Globalization;
using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Evaluation;
using SgLambda.Core.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Benchmarks;

/// <summary>
/// What Felix programs per endpoint and walks per packet (issue 16), on synthetic accounts: integration
/// policies applying to each pod and node (mean, p95, max), all integration rules, policies walked by
/// sampled flows (pod to VPC member, member to pod, pod to node) and the render time; for the current
/// construction and for the one it replaced (<c>sg-remote.&lt;sg&gt;</c> with the SG's own rules, rebuilt here
/// from the same rules for the comparison).
/// </summary>
public static class DataplaneRun
{
    public const string Flag = "--dataplane";
    private const int PodsPerNode = 10;
    private const int FlowsPerKind = 100;

    /// <summary><c>--dataplane [--sgs N --enis M] [--seed S]</c>; without sizes, 500/2,000 and 5,000/20,000.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seed = Option(args, "--seed") ?? AccountSize.Seed;
        IReadOnlyList<AccountSize> sizes = Option(args, "--sgs") is { } sgs
            ? [new AccountSize(sgs, Option(args, "--enis") ?? sgs * 4)]
            : [new AccountSize(500, 2_000), new AccountSize(5_000, 20_000)];
        Print("| account | construction | pods | nodes | policies per pod: mean / p95 / max | sg-remote per pod: mean / p95 / max | policies per node: mean / p95 / max | integration policies (rules) | render (min of 3) |");
        Print("|---|---|---:|---:|---|---|---|---|---:|");
        var walks = new List<string>();
        foreach (var size in sizes)
        {
            var (snapshot, config) = SyntheticAccount.Generate(size.SecurityGroups, size.NetworkInterfaces, seed);
            var render = Enumerable.Range(0, 3).Select(_ => Timed(() => Translator.Render(snapshot, config))).ToList();
            var objects = render[0].Result.Objects;
            var renderTime = render.Min(r => r.Elapsed);
            // The sg-remote construction alone, before and after, from the same SGs in the same run (the
            // machine's load moves absolute times; the ratio is the figure).
            var context = TranslationContext.From(snapshot, config);
            var groupList = Translator.SecurityGroupsOf(snapshot, config);
            var remoteAfter = Enumerable.Range(0, 3).Min(_ => Timed(() => groupList
                .SelectMany(g => RemoteSourceRules.Of(g.GroupId, RuleFlattener.Flatten(g, context, []), config))
                .GroupBy(c => c.Key, c => c.Value)
                .SelectMany(g => RemotePolicyRenderer.Render(g.Key, g, config)).Count()).Elapsed);
            var remoteBefore = Enumerable.Range(0, 3).Min(_ => Timed(() => LegacyRemote(snapshot, config).Count()).Elapsed);
            walks.Add(Invariant($"| {size} | sg-remote construction alone (min of 3) | before {remoteBefore.TotalMilliseconds:F0} ms | after {remoteAfter.TotalMilliseconds:F0} ms | ratio {remoteAfter / remoteBefore:F2} | whole render {renderTime.TotalMilliseconds:F0} ms |"));
            var random = new Random(seed);
            var pods = Pods(snapshot, config, objects, random);
            var legacy = objects.Where(o => !IsRemoteSgPolicy(o)).Concat(LegacyRemote(snapshot, config)).ToList();
            foreach (var (name, set) in new[] { ("before (sg-remote per SG)", legacy), ("after (sg-remote per local SG)", objects) })
            {
                var applying = new ApplyingPolicies(set);
                var nodes = set.OfType<HostEndpoint>().Where(h => h.Metadata.Labels?.GetValueOrDefault(LabelKeys.EndpointKind) == EndpointKinds.ClusterNode).ToList();
                var perPod = pods.Select(p => applying.For(PodLabels(p)).Count).ToList();
                var remotePerPod = pods.Select(p => applying.For(PodLabels(p)).Count(x => x.Spec.Tier == TierNames.SgRemote)).ToList();
                var perNode = nodes.Select(n => applying.For(n.Metadata.Labels!).Count).ToList();
                var policies = set.OfType<GlobalNetworkPolicy>().Where(p => CalicoEvaluator.IntegrationTiers.Contains(p.Spec.Tier)).ToList();
                var rules = policies.Sum(p => (p.Spec.Ingress?.Count ?? 0) + (p.Spec.Egress?.Count ?? 0));
                Print(Invariant($"| {size} | {name} | {pods.Count} | {nodes.Count} | {Stats(perPod)} | {Stats(remotePerPod)} | {Stats(perNode)} | {policies.Count:N0} ({rules:N0}) | {(name.StartsWith("after", StringComparison.Ordinal) ? Invariant($"{renderTime.TotalMilliseconds:F0} ms") : "")} |"));
                walks.AddRange(Walks(size, name, set, snapshot, config, pods, nodes, applying, new Random(seed)));
            }
        }
        Print("");
        Print("| account | construction | flow (side) | sampled flows | passed | policies walked: mean / p95 / max |");
        Print("|---|---|---|---:|---:|---|");
        foreach (var line in walks) Print(line);
        using var process = Process.GetCurrentProcess();
        Print(Invariant($"\npeak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB, {Environment.ProcessorCount} cores, {Environment.Version}"));
        return 0;
    }

    /// <summary>Pods on the cluster nodes' warm secondary IPs: 40% in the node SGs (no annotation), the rest in 1-3 user SGs; all in the pod-default SG.</summary>
    private static List<Pod> Pods(AwsSnapshot snapshot, SgLambdaConfig config, IReadOnlyList<CalicoObject> objects, Random random)
    {
        var nodeEnis = objects.OfType<HostEndpoint>()
            .Where(h => h.Metadata.Labels?.GetValueOrDefault(LabelKeys.EndpointKind) == EndpointKinds.ClusterNode)
            .Select(h => h.Metadata.Labels![LabelKeys.EniId]).ToHashSet(StringComparer.Ordinal);
        var cluster = new HashSet<string>(config.NodeSecurityGroupIds, StringComparer.Ordinal) { config.PodSecurityGroupId! };
        var userGroups = Translator.SecurityGroupsOf(snapshot, config).Select(g => g.GroupId).Where(g => !cluster.Contains(g)).ToList();
        var pods = new List<Pod>();
        foreach (var eni in snapshot.NetworkInterfaces.Where(e => nodeEnis.Contains(e.NetworkInterfaceId)))
        {
            foreach (var address in eni.PrivateIpAddresses.Where(a => !a.Primary).Take(PodsPerNode))
            {
                var groups = random.NextDouble() < 0.4
                    ? config.NodeSecurityGroupIds.ToList()
                    : Enumerable.Range(0, random.Next(1, 4)).Select(_ => userGroups[random.Next(userGroups.Count)]).ToList();
                groups.Add(config.PodSecurityGroupId!);
                var labels = groups.Distinct(StringComparer.Ordinal).ToDictionary(LabelKeys.SecurityGroup, _ => "", StringComparer.Ordinal);
                var ns = Invariant($"team-{pods.Count % 20}");
                pods.Add(new Pod(ns, Invariant($"pod-{pods.Count}"), IPAddress.Parse(address.PrivateIpAddress), labels));
            }
        }
        return pods;
    }

    private static Dictionary<string, string> PodLabels(Pod pod) =>
        new(pod.Labels, StringComparer.Ordinal) { [LabelKeys.CalicoNamespace] = pod.Namespace };

    private static IEnumerable<string> Walks(
        AccountSize size, string construction, IReadOnlyList<CalicoObject> objects, AwsSnapshot snapshot, SgLambdaConfig config,
        List<Pod> pods, List<HostEndpoint> nodes, ApplyingPolicies applying, Random random)
    {
        var evaluator = new CalicoEvaluator(objects, pods, snapshot.Nodes.Select(n => n.Name));
        var groups = Translator.SecurityGroupsOf(snapshot, config).ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        var members = objects.OfType<HostEndpoint>()
            .Where(h => h.Metadata.Labels?.GetValueOrDefault(LabelKeys.EndpointKind) == EndpointKinds.VpcMember && h.Metadata.Labels.ContainsKey(LabelKeys.SgGoverned))
            .ToList();
        (Flow Flow, IReadOnlyDictionary<string, string> PodSide, bool Egress) PodTo(HostEndpoint far)
        {
            var pod = pods[random.Next(pods.Count)];
            return (Flow.Of(pod.Ip, IPAddress.Parse(far.Spec.ExpectedIPs![0]), RuleProtocol.Tcp, PortOf(SgsOf(far.Metadata.Labels!), groups, random)), PodLabels(pod), true);
        }
        var kinds = new (string Name, Func<(Flow, IReadOnlyDictionary<string, string>, bool)> Draw)[]
        {
            ("pod -> VPC member (pod egress)", () => PodTo(members[random.Next(members.Count)])),
            ("VPC member -> pod (pod ingress)", () =>
            {
                var member = members[random.Next(members.Count)];
                var pod = pods[random.Next(pods.Count)];
                return (Flow.Of(IPAddress.Parse(member.Spec.ExpectedIPs![0]), pod.Ip, RuleProtocol.Tcp, PortOf(SgsOf(pod.Labels), groups, random)), PodLabels(pod), false);
            }),
            ("pod -> node (pod egress)", () => PodTo(nodes[random.Next(nodes.Count)])),
        };
        foreach (var (name, draw) in kinds)
        {
            var walked = new List<int>();
            var passed = 0;
            for (var i = 0; i < FlowsPerKind; i++)
            {
                var (flow, podLabels, egress) = draw();
                var verdict = evaluator.EvaluateTiers(flow, CalicoEvaluator.IntegrationTiers);
                var side = egress ? verdict.Egress : verdict.Ingress;
                if (side is null) continue;
                if (side.Outcome == SideOutcome.Passed) passed++;
                walked.Add(Walked(side, applying.For(podLabels)));
            }
            yield return Invariant($"| {size} | {construction} | {name} | {walked.Count} | {passed} | {Stats(walked)} |");
        }
    }

    /// <summary>Policies evaluated on one side: in each tier the trace went through, those up to the one that decided (all, for the tier default).</summary>
    private static int Walked(CalicoSideVerdict side, IReadOnlyList<GlobalNetworkPolicy> applying)
    {
        var total = 0;
        foreach (var step in side.Trace.Where(s => s.Tier is not null))
        {
            var inTier = applying.Where(p => p.Spec.Tier == step.Tier).ToList();
            var at = step.Kind == TraceStepKind.Rule ? inTier.FindIndex(p => p.Metadata.Name == step.Policy) : -1;
            total += at >= 0 ? at + 1 : inTier.Count;
        }
        return total;
    }

    private static IEnumerable<string> SgsOf(IReadOnlyDictionary<string, string> labels) =>
        labels.Keys.Where(k => k.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal)).Select(k => k[LabelKeys.SecurityGroupPrefix.Length..]);

    /// <summary>A TCP port one of the far end's SGs admits, so that a fair share of the sampled flows pass; 443 otherwise.</summary>
    private static int PortOf(IEnumerable<string> sgs, Dictionary<string, SecurityGroup> groups, Random random)
    {
        var ports = sgs.Select(groups.GetValueOrDefault).OfType<SecurityGroup>()
            .SelectMany(g => g.IpPermissions)
            .Where(p => p.IpProtocol == "tcp" && p.FromPort is > 0)
            .Select(p => p.FromPort!.Value)
            .ToList();
        return ports.Count == 0 ? 443 : ports[random.Next(ports.Count)];
    }

    private static bool IsRemoteSgPolicy(CalicoObject value) =>
        value is GlobalNetworkPolicy policy && RemoteTarget.FromLabels(policy.Metadata.Labels) is not null;

    /// <summary>The replaced construction: <c>sg-remote.&lt;sg&gt;</c> holds the SG's own rules and selects the enforced endpoints they could let through.</summary>
    private static IEnumerable<GlobalNetworkPolicy> LegacyRemote(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        var context = TranslationContext.From(snapshot, config);
        foreach (var group in Translator.SecurityGroupsOf(snapshot, config))
        {
            var rules = RuleFlattener.Flatten(group, context, []);
            var named = rules.Select(r => r.Peer).OfType<RulePeer.GroupPeer>().Select(p => p.GroupId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var selector = rules.Any(r => r.Peer is not RulePeer.GroupPeer) || named.Count == 0
                ? Selectors.EnforcedEndpoint
                : $"({Selectors.EnforcedEndpoint}) && ({string.Join(" || ", named.Select(id => Selectors.MemberOf(id, config)))})";
            if (selector.Length > CalicoLimits.SelectorLength) selector = Selectors.EnforcedEndpoint;
            var ingress = rules.Where(r => r.Direction == RuleDirection.Egress).Select(r => Legacy(r, config)).ToList();
            var egress = rules.Where(r => r.Direction == RuleDirection.Ingress).Select(r => Legacy(r, config)).ToList();
            var number = 0;
            foreach (var (partIngress, partEgress) in PolicyParts.Split(ingress, egress))
            {
                number++;
                yield return new GlobalNetworkPolicy
                {
                    ApiVersion = config.CalicoApiGroup,
                    Metadata = ObjectFactory.Meta(PolicyNames.Part($"{TierNames.SgRemote}.{group.GroupId}", number)),
                    Spec = new PolicySpec
                    {
                        Tier = TierNames.SgRemote, Order = PolicyOrders.SecurityGroup, Selector = selector,
                        Types = [PolicyTypes.Ingress, PolicyTypes.Egress], Ingress = partIngress, Egress = partEgress,
                    },
                };
            }
        }
    }

    private static Rule Legacy(SecurityGroupRuleView view, SgLambdaConfig config)
    {
        var rule = CalicoRuleBuilder.Remote(view, config);
        if (view.Peer is not RulePeer.GroupPeer group) return rule;
        var member = Selectors.MemberOf(group.GroupId, config);
        return view.Direction == RuleDirection.Ingress
            ? rule with { Source = new EntityRule { Selector = member } }
            : rule with { Destination = (rule.Destination ?? new EntityRule()) with { Selector = member } };
    }

    /// <summary>The integration policies whose selector matches an endpoint, in Calico's order (tier, order, name).</summary>
    private sealed class ApplyingPolicies(IReadOnlyList<CalicoObject> objects)
    {
        private readonly List<(GlobalNetworkPolicy Policy, LabelSelector Selector, int Tier)> _policies = objects.OfType<GlobalNetworkPolicy>()
            .Where(p => CalicoEvaluator.IntegrationTiers.Contains(p.Spec.Tier))
            .Select(p => (p, LabelSelector.Parse(p.Spec.Selector), CalicoEvaluator.IntegrationTiers.ToList().IndexOf(p.Spec.Tier!)))
            .OrderBy(p => p.Item3).ThenBy(p => p.p.Spec.Order ?? double.MaxValue).ThenBy(p => p.p.Metadata.Name, StringComparer.Ordinal)
            .ToList();

        public List<GlobalNetworkPolicy> For(IReadOnlyDictionary<string, string> labels) =>
            [.. _policies.Where(p => p.Selector.Matches(labels)).Select(p => p.Policy)];
    }

    private static string Stats(List<int> values)
    {
        if (values.Count == 0) return "-";
        var sorted = values.Order().ToList();
        var p95 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
        return Invariant($"{values.Average():F1} / {p95} / {sorted[^1]}");
    }

    private static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> action)
    {
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        return (result, stopwatch.Elapsed);
    }

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Print(string line) => Console.WriteLine(line);
}
