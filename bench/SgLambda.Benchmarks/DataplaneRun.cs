using System.Diagnostics;
using System.Globalization;
using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Core.Net;
using SgLambda.TestSupport.Synthetic;
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
    private const int Rounds = 5;

    /// <summary><c>--dataplane [--sgs N --enis M] [--seed S] [--times-only]</c>; without sizes, 500/2,000 and 5,000/20,000.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seed = Option(args, "--seed") ?? AccountSize.Seed;
        // --times-only: the render times alone, without counting policies or sampling flows.
        var timesOnly = args.Contains("--times-only", StringComparer.Ordinal);
        IReadOnlyList<AccountSize> sizes = Option(args, "--sgs") is { } sgs
            ? [new AccountSize(sgs, Option(args, "--enis") ?? sgs * 4)]
            : [new AccountSize(500, 2_000), new AccountSize(5_000, 20_000)];
        Print("| account | construction | pods | nodes | policies per pod: mean / p95 / max | sg-remote per pod: mean / p95 / max | policies per node: mean / p95 / max | integration policies (rules) | render (min of 3) |");
        Print("|---|---|---:|---:|---|---|---|---|---:|");
        var walks = new List<string>();
        var addressPeers = new List<string>();
        foreach (var size in sizes)
        {
            var (snapshot, config) = SyntheticAccount.Generate(size.SecurityGroups, size.NetworkInterfaces, seed);
            // The whole render, this construction against the replaced one (rebuilt below from the same
            // pieces), interleaved so that both see the same load. Wall and process CPU time (min of the
            // rounds; the machine is shared, CPU time is the less disturbed) and bytes allocated (exact).
            var render = new List<(RenderResult Result, Cost Cost)>();
            var legacyRender = new List<Cost>();
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate which goes first: the first of a pair can pay for the other's garbage.
                if (round % 2 == 1) legacyRender.Add(Timed(() => LegacyRender(snapshot, config)).Cost);
                render.Add(Timed(() => Translator.Render(snapshot, config)));
                if (round % 2 == 0) legacyRender.Add(Timed(() => LegacyRender(snapshot, config)).Cost);
            }
            var objects = render[0].Result.Objects;
            var renderTime = render.Min(r => r.Cost.Wall);
            // The sg-remote construction alone, before and after, from the same SGs in the same run. Both keep
            // what they build, as the render does (streaming one of them would spare it the garbage
            // collector's copying).
            var context = TranslationContext.From(snapshot, config);
            var groupList = Translator.SecurityGroupsOf(snapshot, config);
            var remoteAfter = new List<Cost>();
            var remoteBefore = new List<Cost>();
            for (var round = 0; round < Rounds; round++)
            {
                if (round % 2 == 1) remoteBefore.Add(Timed(() => RemoteBefore(groupList, context, config)).Cost);
                remoteAfter.Add(Timed(() => RemoteAfter(groupList, context, config)).Cost);
                if (round % 2 == 0) remoteBefore.Add(Timed(() => RemoteBefore(groupList, context, config)).Cost);
            }
            walks.Add(Compare(size, "sg-remote construction alone", remoteBefore, remoteAfter));
            walks.Add(Compare(size, "whole Translator.Render", legacyRender, [.. render.Select(r => r.Cost)]));
            if (timesOnly) continue;
            var random = new Random(seed);
            var pods = Pods(snapshot, config, objects, random);
            var legacy = LegacyRender(snapshot, config);
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
            addressPeers.Add(AddressPeerReductions(size, objects, pods));
        }
        Print("");
        Print("| account | construction | flow (side) | sampled flows | passed | policies walked: mean / p95 / max |");
        Print("|---|---|---|---:|---:|---|");
        foreach (var line in walks) Print(line);
        Print("");
        Print("| account | address-peer rules (to pods' egress / ingress) | parts | same rule but the far SG: merged rules (SG lists of at most 20) | merged, and rules whose nets meet no pod or node address range dropped | parts needed at best |");
        Print("|---|---|---:|---|---|---:|");
        foreach (var line in addressPeers) Print(line);
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

    /// <summary>The replaced construction's sg-remote policies.</summary>
    private static List<GlobalNetworkPolicy> RemoteBefore(IReadOnlyList<SecurityGroup> groups, TranslationContext context, SgLambdaConfig config) =>
        [.. groups.SelectMany(g => LegacyRemote(g, RuleFlattener.Flatten(g, context, []), config))];

    /// <summary>
    /// What the two ways of shrinking the address-peer buckets that issue 16 names would give, counted (not
    /// built): (1) rules that are the same but for the far-end SG merged into one rule whose far end is a list
    /// of SGs (at most 20 per rule, to stay under Calico's 1,024-character selector); (2) besides, rules whose
    /// nets meet none of the address ranges pods and nodes have (here the /16s and the VPC's IPv6 /56 that
    /// hold the nodes' ENIs, as a configuration would state them) dropped. Prefix-list rules are kept in (2).
    /// </summary>
    private static string AddressPeerReductions(AccountSize size, IReadOnlyList<CalicoObject> objects, List<Pod> pods)
    {
        const int SgsPerRule = 20;
        var parts = objects.OfType<GlobalNetworkPolicy>().Where(p => RemoteTarget.FromLabels(p.Metadata.Labels) is RemoteTarget.AddressPeers).ToList();
        var rules = parts.SelectMany(p => (p.Spec.Egress ?? []).Select(r => (Egress: true, Rule: r)).Concat((p.Spec.Ingress ?? []).Select(r => (Egress: false, Rule: r)))).ToList();
        // The synthetic VPC's IPv6 block (SyntheticAddressPool.VpcIpv6Cidr) and the IPv4 /16s the pods are in.
        var ranges = pods.Select(p => Cidr.Parse(Invariant($"{p.Ip}/16"))).Append(Cidr.Parse("2600:1f18:4a3:6b00::/56")).Distinct().ToList();
        bool MeetsCluster(EntityRule? local) => local?.Nets is not { } nets || nets.Select(Cidr.Parse).Any(n => ranges.Any(r => Overlap(r, n)));
        string Key((bool Egress, Rule Rule) r)
        {
            var local = r.Egress ? r.Rule.Source : r.Rule.Destination;
            var ports = string.Join(",", (r.Rule.Destination?.Ports ?? []).Select(p => p.ToString()));
            return Invariant($"{r.Egress}|{r.Rule.Protocol}|{r.Rule.IpVersion}|{r.Rule.Icmp?.Type}/{r.Rule.Icmp?.Code}|{string.Join(",", local?.Nets ?? [])}|{local?.Selector}|{ports}");
        }
        (int Egress, int Ingress) Merged(IEnumerable<(bool Egress, Rule Rule)> selected)
        {
            var groups = selected.GroupBy(Key).Select(g => (g.First().Egress, Rules: (g.Count() + SgsPerRule - 1) / SgsPerRule)).ToList();
            return (groups.Where(g => g.Egress).Sum(g => g.Rules), groups.Where(g => !g.Egress).Sum(g => g.Rules));
        }
        var merged = Merged(rules);
        var kept = Merged(rules.Where(r => MeetsCluster(r.Egress ? r.Rule.Source : r.Rule.Destination)));
        var best = Math.Max(RemoteTarget.AddressPeerBuckets, (Math.Max(kept.Egress, kept.Ingress) + CalicoLimits.RulesPerDirection - 1) / CalicoLimits.RulesPerDirection);
        return Invariant($"| {size} | {rules.Count(r => r.Egress):N0} / {rules.Count(r => !r.Egress):N0} | {parts.Count} | {merged.Egress:N0} / {merged.Ingress:N0} | {kept.Egress:N0} / {kept.Ingress:N0} | {best} |");
    }

    private static bool Overlap(Cidr a, Cidr b)
    {
        if (a.IpVersion != b.IpVersion) return false;
        return a.PrefixLength <= b.PrefixLength ? a.Contains(b.Network) : b.Contains(a.Network);
    }

    /// <summary>This construction's sg-remote policies, as <see cref="Translator.Render"/> builds them.</summary>
    private static List<GlobalNetworkPolicy> RemoteAfter(IReadOnlyList<SecurityGroup> groups, TranslationContext context, SgLambdaConfig config)
    {
        var remote = new Dictionary<RemoteTarget, List<RemoteSourceRules>>();
        foreach (var group in groups)
        {
            foreach (var (target, contribution) in RemoteSourceRules.Of(group.GroupId, RuleFlattener.Flatten(group, context, []), config))
            {
                if (!remote.TryGetValue(target, out var sources)) remote[target] = sources = [];
                sources.Add(contribution);
            }
        }
        return [.. remote.SelectMany(r => RemotePolicyRenderer.Render(r.Key, r.Value, config))];
    }

    /// <summary>
    /// <see cref="Translator.Render"/> as it was before issue 16: per SG, <c>sg-local.&lt;sg&gt;</c> and
    /// <c>sg-remote.&lt;sg&gt;</c> (the SG's own rules, sharing the local policy's labels and annotations).
    /// </summary>
    private static List<CalicoObject> LegacyRender(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        var context = TranslationContext.From(snapshot, config);
        var warnings = new List<string>();
        var objects = new Dictionary<ObjectKey, CalicoObject>();
        void Add(CalicoObject value) => objects.TryAdd(value.Key, value);
        foreach (var fixedObject in FixedObjectRenderer.Render(context)) Add(fixedObject);
        var referencedLists = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in Translator.SecurityGroupsOf(snapshot, config))
        {
            var rules = RuleFlattener.Flatten(group, context, warnings);
            foreach (var policy in SecurityGroupPolicyRenderer.Render(group, rules, context)) Add(policy);
            foreach (var policy in LegacyRemote(group, rules, config)) Add(policy);
            foreach (var permission in group.IpPermissions.Concat(group.IpPermissionsEgress))
                foreach (var list in permission.PrefixListIds) referencedLists.Add(list.Id.Trim());
        }
        foreach (var listId in referencedLists)
        {
            if (context.PrefixLists.TryGetValue(listId, out var list)) Add(PrefixListRenderer.Render(list, context, warnings));
        }
        foreach (var eni in snapshot.NetworkInterfaces)
        {
            if (HostEndpointRenderer.Render(eni, context, warnings) is { } endpoint) Add(endpoint);
        }
        return [.. objects.Values.OrderBy(o => o.Key)];
    }

    /// <summary>The replaced construction: <c>sg-remote.&lt;sg&gt;</c> holds the SG's own rules and selects the enforced endpoints they could let through.</summary>
    private static IEnumerable<GlobalNetworkPolicy> LegacyRemote(SecurityGroup group, IReadOnlyList<SecurityGroupRuleView> rules, SgLambdaConfig config)
    {
        var annotations = group.GroupName is { Length: > 0 } groupName
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupName] = groupName }
            : null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupId] = group.GroupId };
        foreach (var rule in rules)
        {
            if (rule.Peer is RulePeer.PrefixListPeer list) labels[LabelKeys.PrefixListReference(list.PrefixListId)] = "";
        }
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
                Metadata = ObjectFactory.Meta(PolicyNames.Part($"{TierNames.SgRemote}.{group.GroupId}", number), labels, annotations),
                Spec = new PolicySpec
                {
                    Tier = TierNames.SgRemote, Order = PolicyOrders.SecurityGroup, Selector = selector,
                    Types = [PolicyTypes.Ingress, PolicyTypes.Egress], Ingress = partIngress, Egress = partEgress,
                },
            };
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

    private static (T Result, Cost Cost) Timed<T>(Func<T> action)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        var wall = stopwatch.Elapsed;
        process.Refresh();
        return (result, new Cost(wall, process.TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated));
    }

    private static string Compare(AccountSize size, string what, List<Cost> before, List<Cost> after)
    {
        var (wallBefore, wallAfter) = (before.Min(c => c.Wall), after.Min(c => c.Wall));
        var (cpuBefore, cpuAfter) = (before.Min(c => c.Cpu), after.Min(c => c.Cpu));
        var (bytesBefore, bytesAfter) = (before.Min(c => c.Allocated), after.Min(c => c.Allocated));
        return Invariant($"| {size} | {what} (min of {Rounds}) | wall {wallBefore.TotalMilliseconds:F0} -> {wallAfter.TotalMilliseconds:F0} ms ({wallAfter / wallBefore:F2}x) | cpu {cpuBefore.TotalMilliseconds:F0} -> {cpuAfter.TotalMilliseconds:F0} ms ({cpuAfter / cpuBefore:F2}x) | allocated {bytesBefore / 1048576.0:F1} -> {bytesAfter / 1048576.0:F1} MiB ({(double)bytesAfter / bytesBefore:F2}x) | load {LoadAverage()} |");
    }

    /// <summary>What one timed call cost: wall time, the process's CPU time (all threads, the GC's too), bytes allocated.</summary>
    private readonly record struct Cost(TimeSpan Wall, TimeSpan Cpu, long Allocated);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Print(string line) => Console.WriteLine(line);
}
