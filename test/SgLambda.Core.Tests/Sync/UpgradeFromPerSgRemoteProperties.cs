using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Core.Tests.Properties;
using SgLambda.TestSupport.Properties;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Sync;

/// <summary>
/// Upgrading a cluster written by the earlier <c>sg-remote</c> construction (one policy per SG holding that
/// SG's own rules, selecting every enforced endpoint) is a plain reconcile, and at no point of its apply does
/// the cluster deny a flow that AWS allows, nor pass one AWS denies: new policies have names of their own
/// and are applied before the old ones are deleted.
/// </summary>
public class UpgradeFromPerSgRemoteProperties
{
    [FsCheck.NUnit.Property(MaxTest = 40, QuietOnSuccess = true)]
    public Property Every_step_of_the_upgrade_keeps_the_verdicts_of_aws() =>
        Prop.ForAll(TopologyGenerator.Arbitrary(), topology =>
        {
            var config = topology.Config;
            var current = Translator.Render(topology.Snapshot, config).Objects;
            var old = current.Where(o => !IsRemoteSecurityGroupPolicy(o)).Concat(LegacyRemotePolicies(topology)).ToList();
            var store = new InMemoryCalicoStore(old);
            var problems = new List<string>();
            var stepping = new SteppingStore(store, step =>
                problems.AddRange(TranslationEquivalenceProperties.VerdictMismatches(topology, store.Objects).Take(1).Select(m => $"after {step}: {m}")));
            var inventory = new SnapshotInventory(topology.Snapshot, config);
            var engine = new SyncEngine(inventory, inventory, stepping, config);
            var report = engine.PlanReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
            engine.ApplyAsync(report, CancellationToken.None).GetAwaiter().GetResult();

            var left = Planner.Diff(current, store.Objects);
            return Prop.Label(problems.Count == 0, problems.FirstOrDefault() ?? "")
                .And(Prop.Label(left.IsEmpty, $"after the reconcile: apply {string.Join(", ", left.Apply.Select(o => o.Key))}; delete {string.Join(", ", left.Delete.Select(d => d.Key))}"))
                .And(Prop.Label(report.Plan.Delete.All(d => d.Key.Name.StartsWith(TierNames.SgRemote + ".", StringComparison.Ordinal)), "only old sg-remote policies are deleted"));
        });

    private static bool IsRemoteSecurityGroupPolicy(CalicoObject value) =>
        value is GlobalNetworkPolicy { Spec.Tier: TierNames.SgRemote } policy && RemoteTarget.FromLabels(policy.Metadata.Labels) is not null;

    /// <summary>The earlier construction: <c>sg-remote.&lt;sg&gt;</c> with the SG's own rules seen from the far end.</summary>
    private static IEnumerable<GlobalNetworkPolicy> LegacyRemotePolicies(Topology topology)
    {
        var context = TranslationContext.From(topology.Snapshot, topology.Config);
        foreach (var group in Translator.SecurityGroupsOf(topology.Snapshot, topology.Config))
        {
            var rules = RuleFlattener.Flatten(group, context, []);
            yield return new GlobalNetworkPolicy
            {
                ApiVersion = topology.Config.CalicoApiGroup,
                Metadata = ObjectFactory.Meta($"{TierNames.SgRemote}.{group.GroupId}", [new(LabelKeys.SecurityGroupId, group.GroupId)]),
                Spec = new PolicySpec
                {
                    Tier = TierNames.SgRemote,
                    Order = PolicyOrders.SecurityGroup,
                    Selector = Selectors.EnforcedEndpoint,
                    Types = [PolicyTypes.Ingress, PolicyTypes.Egress],
                    Ingress = [.. rules.Where(r => r.Direction == RuleDirection.Egress).Select(r => Legacy(r, topology.Config))],
                    Egress = [.. rules.Where(r => r.Direction == RuleDirection.Ingress).Select(r => Legacy(r, topology.Config))],
                },
            };
        }
    }

    /// <summary>The earlier rule: an SG peer was matched on the local end too, as the policy selected every enforced endpoint.</summary>
    private static Rule Legacy(SecurityGroupRuleView view, SgLambdaConfig config)
    {
        var rule = CalicoRuleBuilder.Remote(view, config);
        if (view.Peer is not RulePeer.GroupPeer group) return rule;
        var member = Selectors.MemberOf(group.GroupId, config);
        return view.Direction == RuleDirection.Ingress
            ? rule with { Source = new EntityRule { Selector = member } }
            : rule with { Destination = (rule.Destination ?? new EntityRule()) with { Selector = member } };
    }

    /// <summary>A store that reports after each write, so the test sees every intermediate cluster.</summary>
    private sealed class SteppingStore(ICalicoStore inner, Action<string> afterWrite) : ICalicoStore
    {
        public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
            inner.ListAsync(kind, query, cancellationToken);

        public Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
            inner.ListVersionedAsync(kind, query, cancellationToken);

        public async Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
        {
            var applied = await inner.ApplyIfUnchangedAsync(value, precondition, cancellationToken);
            afterWrite($"apply {value.Key}");
            return applied;
        }

        public async Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken)
        {
            await inner.ApplyAsync(value, cancellationToken);
            afterWrite($"apply {value.Key}");
        }

        public async Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
        {
            await inner.DeleteAsync(key, resourceVersion, cancellationToken);
            afterWrite($"delete {key}");
        }
    }
}
