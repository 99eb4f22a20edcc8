using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Calico;
using SgLambda.Core.Planning;
using SgLambda.Core.Translation;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Core.Tests.Planning;

public class PlannerTests
{
    private static readonly IReadOnlyList<CalicoObject> Rendered = Translator.Render(
        Snapshot(
            [Sg("sg-0a", ingress: [Perm("tcp", 80, 80, groups: ["sg-0b"])]), Sg("sg-0b", egress: [Perm("-1", cidrs: ["0.0.0.0/0"])])],
            [Eni("eni-01", ["sg-0a"], ["10.0.1.5"]), Eni("eni-02", ["sg-0b"], ["10.0.1.6"])]),
        Config()).Objects;

    private static HostEndpoint Endpoint(string name) => Rendered.OfType<HostEndpoint>().Single(h => h.Metadata.Name == name);

    [Test]
    public void Identical_state_plans_nothing()
    {
        Assert.That(Planner.Diff(Rendered, Rendered).IsEmpty, Is.True);
    }

    [Test]
    public void Missing_objects_are_applied_and_orphans_deleted()
    {
        var actual = Rendered.Where(o => o.Metadata.Name != "eni-01").Append(Endpoint("eni-02") with { Metadata = Endpoint("eni-02").Metadata with { Name = "eni-0gone" } });
        var plan = Planner.Diff(Rendered, actual);
        Assert.That(plan.Apply.Select(o => o.Key.ToString()), Is.EqualTo(new[] { "HostEndpoint/eni-01" }));
        Assert.That(plan.Delete.Select(d => d.Key.ToString()), Is.EqualTo(new[] { "HostEndpoint/eni-0gone" }));
    }

    [Test]
    public void A_changed_spec_is_applied()
    {
        var changed = Endpoint("eni-01") with { Spec = Endpoint("eni-01").Spec with { ExpectedIPs = ["10.0.1.99"] } };
        var plan = Planner.Diff(Rendered, Rendered.Select(o => o.Key == changed.Key ? changed : o));
        Assert.That(plan.Apply.Single().Key, Is.EqualTo(changed.Key));
        Assert.That(plan.Delete, Is.Empty);
    }

    [Test]
    public void Objects_not_owned_by_sglambda_are_never_changed_or_deleted()
    {
        var foreign = Endpoint("eni-01") with
        {
            Metadata = Endpoint("eni-01").Metadata with { Labels = ImmutableSortedDictionary<string, string>.Empty.Add("team", "network") },
            Spec = Endpoint("eni-01").Spec with { ExpectedIPs = ["10.9.9.9"] },
        };
        var unrelated = foreign with { Metadata = foreign.Metadata with { Name = "someone-elses" } };
        var plan = Planner.Diff(Rendered, Rendered.Select(o => o.Key == foreign.Key ? foreign : o).Append(unrelated));
        Assert.That(plan.IsEmpty, Is.True);
        Assert.That(plan.Warnings, Has.One.Contains("HostEndpoint/eni-01").And.Contain("not managed by sglambda"));
    }

    [Test]
    public void Server_metadata_foreign_labels_and_empty_lists_are_not_differences()
    {
        var policy = Rendered.OfType<GlobalNetworkPolicy>().Single(p => p.Metadata.Name == "sg-local.sg-0a");
        Assert.That(policy.Spec.Egress, Is.Empty, "precondition: the policy has an empty egress list");
        var fromServer = policy with
        {
            Metadata = policy.Metadata with
            {
                ResourceVersion = "12345",
                Labels = policy.Metadata.Labels!.Add("projectcalico.org/tier", "sg-local"),
                Annotations = policy.Metadata.Annotations!.Add("kubectl.kubernetes.io/last-applied-configuration", "{}"),
            },
            Spec = policy.Spec with { Egress = null },
        };
        Assert.That(ObjectComparer.SameContent(policy, fromServer), Is.True);
    }

    [Test]
    public void A_changed_owned_label_is_a_difference()
    {
        var endpoint = Endpoint("eni-01");
        var relabelled = endpoint with { Metadata = endpoint.Metadata with { Labels = endpoint.Metadata.Labels!.Remove(LabelKeys.SecurityGroup("sg-0a")) } };
        Assert.That(ObjectComparer.SameContent(endpoint, relabelled), Is.False);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Applying_the_plan_to_any_cluster_state_yields_the_desired_owned_objects()
    {
        // Actual = a random subset of the desired objects, some with changed IPs, plus owned orphans.
        var gen =
            from keep in Gen.ListOf(ArbMap.Default.GeneratorFor<bool>(), Rendered.Count)
            from mutate in Gen.ListOf(ArbMap.Default.GeneratorFor<bool>(), Rendered.Count)
            from orphans in Gen.Choose(0, 3)
            select (keep, mutate, orphans);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (keep, mutate, orphans) = input;
            var actual = new Dictionary<ObjectKey, CalicoObject>();
            for (var i = 0; i < Rendered.Count; i++)
            {
                if (!keep[i]) continue;
                var value = Rendered[i] is HostEndpoint h && mutate[i] ? h with { Spec = h.Spec with { ExpectedIPs = ["192.0.2.1"] } } : Rendered[i];
                actual[value.Key] = value;
            }
            for (var i = 0; i < orphans; i++)
            {
                var orphan = Endpoint("eni-01") with { Metadata = Endpoint("eni-01").Metadata with { Name = $"eni-0orphan{i}" } };
                actual[orphan.Key] = orphan;
            }

            var plan = Planner.Diff(Rendered, actual.Values);
            foreach (var deletion in plan.Delete) actual.Remove(deletion.Key);
            foreach (var value in plan.Apply) actual[value.Key] = value;

            var same = actual.Count == Rendered.Count && Rendered.All(d => actual.TryGetValue(d.Key, out var a) && ObjectComparer.SameContent(d, a));
            var idempotent = Planner.Diff(Rendered, actual.Values).IsEmpty;
            return same && idempotent;
        });
    }
}
