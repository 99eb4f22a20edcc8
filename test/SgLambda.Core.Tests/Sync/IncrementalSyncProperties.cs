using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Events;
using SgLambda.Core.Planning;
using SgLambda.Core.Sync;
using SgLambda.Core.Translation;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Core.Tests.Sync;

/// <summary>
/// The locality law, end to end through the planner: a cluster holding render(before), patched by the
/// plan for one change and the resources that change names, holds exactly render(after).
/// </summary>
public class IncrementalSyncProperties
{
    private static readonly string[] Groups = ["sg-0a", "sg-0b", "sg-0c", "sg-0d"];
    private static readonly string[] Lists = ["pl-01", "pl-02"];

    /// <summary>One AWS change and the ids its event names.</summary>
    internal sealed record Change(string Description, Func<AwsSnapshot, AwsSnapshot> Apply, AffectedResources Affected);

    private static Gen<IpPermission> Permission() =>
        from kind in Gen.Choose(0, 3)
        from port in Gen.Choose(1, 1000)
        from peer in Gen.Elements(Groups)
        from list in Gen.Elements(Lists)
        select kind switch
        {
            0 => Perm("tcp", port, port, groups: [peer]),
            1 => Perm("-1", cidrs: ["10.0.0.0/16"]),
            2 => Perm("udp", port, port + 10, lists: [list]),
            _ => Perm("icmp", 8, -1, groups: [peer]),
        };

    private static Gen<SecurityGroup> Group(string id) =>
        from ingress in Gen.ListOf(Permission()).Select(l => l.Take(3).ToArray())
        from egress in Gen.ListOf(Permission()).Select(l => l.Take(2).ToArray())
        select Sg(id, ingress, egress);

    internal static Gen<AwsSnapshot> State() =>
        from groups in Gen.CollectToArray(Groups, Group)
        from memberCount in Gen.Choose(1, 4)
        from memberGroups in Gen.ListOf(Gen.SubListOf(Groups), memberCount)
        from entries in Gen.Elements("192.0.2.0/24", "198.51.100.0/24")
        select Snapshot(
            [.. groups],
            [
                .. memberGroups.Select((g, i) => Eni($"eni-0m{i}", [.. g], [$"10.0.1.{i + 10}"], instance: $"i-0m{i}")),
                Eni("eni-0node", ["sg-0a", EnforcedSg], ["10.0.2.10", "10.0.2.11"], instance: "i-0node", dnsName: "ip-10-0-2-10.ec2.internal"),
                Eni("eni-0rds", ["sg-0b"], ["10.0.3.10"], description: "RDSNetworkInterface") with { RequesterId = "amazon-rds" },
            ],
            [.. Lists.Select(l => new ManagedPrefixList { PrefixListId = l, Entries = [new PrefixListEntry { Cidr = entries }] })]);

    private static AffectedResources Affect(string[]? groups = null, string[]? enis = null, string[]? instances = null, string[]? lists = null, string[]? dbs = null) => new()
    {
        SecurityGroups = [.. groups ?? []],
        NetworkInterfaces = [.. enis ?? []],
        Instances = [.. instances ?? []],
        PrefixLists = [.. lists ?? []],
        DbInstances = [.. dbs ?? []],
    };

    internal static Gen<Change> Changes(AwsSnapshot state) =>
        Gen.OneOf(
            from id in Gen.Elements(Groups)
            from replacement in Group(id)
            select new Change($"rules of {id} replaced", s => s with { SecurityGroups = [.. s.SecurityGroups.Where(g => g.GroupId != id), replacement] }, Affect(groups: [id])),
            from id in Gen.Elements(Groups)
            select new Change($"{id} deleted", s => s with { SecurityGroups = [.. s.SecurityGroups.Where(g => g.GroupId != id)] }, Affect(groups: [id])),
            from eni in Gen.Elements(state.NetworkInterfaces.ToArray())
            from groups in Gen.SubListOf(Groups)
            select new Change($"groups of {eni.NetworkInterfaceId} set",
                s => s with { NetworkInterfaces = [.. s.NetworkInterfaces.Select(e => e.NetworkInterfaceId == eni.NetworkInterfaceId ? e with { Groups = [.. groups.Select(g => new GroupIdentifier { GroupId = g })] } : e)] },
                Affect(enis: [eni.NetworkInterfaceId])),
            from eni in Gen.Elements(state.NetworkInterfaces.ToArray())
            select new Change($"{eni.NetworkInterfaceId} deleted", s => s with { NetworkInterfaces = [.. s.NetworkInterfaces.Where(e => e.NetworkInterfaceId != eni.NetworkInterfaceId)] }, Affect(enis: [eni.NetworkInterfaceId])),
            from n in Gen.Choose(0, 9)
            select new Change($"instance i-0new{n} launched as a node",
                s => s with { NetworkInterfaces = [.. s.NetworkInterfaces, Eni($"eni-0new{n}", ["sg-0c", EnforcedSg], [$"10.0.4.{n + 1}", "10.0.4.200"], instance: $"i-0new{n}")] },
                Affect(instances: [$"i-0new{n}"], enis: [$"eni-0new{n}"])),
            Gen.Constant(new Change("node terminated", s => s with { NetworkInterfaces = [.. s.NetworkInterfaces.Where(e => e.Attachment?.InstanceId != "i-0node")] }, Affect(instances: ["i-0node"]))),
            Gen.Constant(new Change("RDS instance gone", s => s with { NetworkInterfaces = [.. s.NetworkInterfaces.Where(e => e.NetworkInterfaceId != "eni-0rds")] }, Affect(dbs: ["db1"]))),
            from list in Gen.Elements(Lists)
            from cidr in Gen.Elements("203.0.113.0/24", "192.0.2.0/25")
            select new Change($"entries of {list} changed",
                s => s with { PrefixLists = [.. s.PrefixLists.Select(p => p.PrefixListId == list ? p with { Entries = [new PrefixListEntry { Cidr = cidr }] } : p)] },
                Affect(lists: [list])));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Patching_render_of_before_with_the_event_plan_gives_render_of_after()
    {
        var gen = from before in State()
                  from changes in Gen.ListOf(Changes(before)).Select(l => l.Take(4).ToList())
                  select (before, changes);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (state, changes) = input;
            var config = Config();
            var store = new InMemoryCalicoStore(Translator.Render(state, config).Objects);
            foreach (var change in changes)
            {
                state = change.Apply(state);
                var inventory = new SnapshotInventory(state, config);
                var engine = new SyncEngine(inventory, inventory, store, config);
                var report = engine.PlanEventAsync(new ClassifiedEvent(new EventSummary(), change.Affected, null), CancellationToken.None).GetAwaiter().GetResult();
                engine.ApplyAsync(report, CancellationToken.None).GetAwaiter().GetResult();
                var expected = Translator.Render(state, config).Objects;
                var differences = Planner.Diff(expected, store.Objects);
                if (!differences.IsEmpty)
                {
                    return false.Label($"after '{change.Description}': apply {string.Join(", ", differences.Apply.Select(o => o.Key))}; delete {string.Join(", ", differences.Delete.Select(d => d.Key))}");
                }
            }
            return true.ToProperty();
        });
    }

    [Test]
    public void Replaying_an_event_that_changed_nothing_writes_nothing()
    {
        var state = Snapshot([Sg("sg-0a", [Perm("tcp", 80, 80, lists: ["pl-01"])])], [Eni("eni-01", ["sg-0a"], ["10.0.1.5"], instance: "i-01")],
            [new ManagedPrefixList { PrefixListId = "pl-01", Entries = [new PrefixListEntry { Cidr = "192.0.2.0/24" }] }]);
        var config = Config();
        var store = new InMemoryCalicoStore(Translator.Render(state, config).Objects);
        var inventory = new SnapshotInventory(state, config);
        var engine = new SyncEngine(inventory, inventory, store, config);
        var report = engine.PlanEventAsync(new ClassifiedEvent(new EventSummary(), Affect(groups: ["sg-0a"], enis: ["eni-01"], instances: ["i-01"], lists: ["pl-01"]), null), CancellationToken.None).GetAwaiter().GetResult();
        Assert.That(report.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void Skipped_events_plan_nothing_and_read_nothing()
    {
        var store = new InMemoryCalicoStore();
        var inventory = new SnapshotInventory(Snapshot([]), Config());
        var engine = new SyncEngine(inventory, inventory, store, Config());
        var report = engine.PlanEventAsync(new ClassifiedEvent(new EventSummary(), AffectedResources.None, "failed call (errorCode UnauthorizedOperation)"), CancellationToken.None).GetAwaiter().GetResult();
        Assert.That(report.Skipped, Is.EqualTo("failed call (errorCode UnauthorizedOperation)"));
        Assert.That(report.Plan.IsEmpty, Is.True);
    }

    [Test]
    public void Unowned_objects_in_scope_survive_a_sync()
    {
        var state = Snapshot([Sg("sg-0a")]);
        var config = Config();
        var foreign = new GlobalNetworkPolicy
        {
            ApiVersion = config.CalicoApiGroup,
            Metadata = new ObjectMeta { Name = "sg-local.custom", Labels = ImmutableSortedDictionary<string, string>.Empty.Add(LabelKeys.SecurityGroupId, "sg-0a") },
            Spec = new PolicySpec { Tier = "sg-local", Selector = "all()" },
        };
        var store = new InMemoryCalicoStore([foreign]);
        var inventory = new SnapshotInventory(state with { SecurityGroups = [] }, config);
        var engine = new SyncEngine(inventory, inventory, store, config);
        var report = engine.PlanEventAsync(new ClassifiedEvent(new EventSummary(), Affect(groups: ["sg-0a"]), null), CancellationToken.None).GetAwaiter().GetResult();
        engine.ApplyAsync(report, CancellationToken.None).GetAwaiter().GetResult();
        Assert.That(store.Objects, Does.Contain(foreign));
    }
}
