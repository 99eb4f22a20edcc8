using SgLambda.Core.Events;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Sync;

/// <summary>
/// What a caller states in <see cref="SyncEngineOptions"/> is what the engine does: companions only when enabled,
/// trust SG attachments only when writes are allowed, and a read-only engine refuses a report with attachments
/// before its first write.
/// </summary>
public class SyncEngineOptionsTests
{
    private static readonly (Aws.AwsSnapshot Snapshot, Configuration.SgLambdaConfig Config) Account = SyntheticAccount.Generate(SyntheticAccount.MinimumSecurityGroups, SyntheticAccount.MinimumNetworkInterfaces, 11);

    private static SyncReport ReportWithAttachment() => new(null, AffectedResources.None,
        new Plan([Translator.Render(Account.Snapshot, Account.Config).Objects[0]], [], []), null)
    {
        TrustAttachments = [new TrustAttachment(TrustTargetKind.NetworkInterface, "eni-0123", ["sg-0trust"])],
    };

    private static SyncEngine Engine(InMemoryCalicoStore store, SyncEngineOptions options)
    {
        var inventory = new SnapshotInventory(Account.Snapshot, Account.Config);
        return new SyncEngine(inventory, inventory, store, Account.Config, options);
    }

    [Test]
    public async Task A_read_only_engine_refuses_a_report_with_trust_attachments_before_writing_anything()
    {
        var store = new InMemoryCalicoStore();
        var engine = Engine(store, SyncEngineOptions.CalicoOnly);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.ApplyAsync(ReportWithAttachment(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("read only"));
        Assert.That(store.Writes, Is.Zero, "nothing half applied");
    }

    [Test]
    public async Task A_read_only_engine_applies_the_plan_of_the_same_report()
    {
        var store = new InMemoryCalicoStore();
        var outcome = await Engine(store, SyncEngineOptions.CalicoOnly).ApplyAsync(ReportWithAttachment().Plan, CancellationToken.None);

        Assert.That(outcome.Applied, Is.EqualTo(1));
    }

    [Test]
    public async Task A_writing_engine_attaches_after_the_plan()
    {
        var store = new InMemoryCalicoStore();
        var writer = new RecordingWriter(store);
        var engine = Engine(store, new SyncEngineOptions { Companions = CompanionPolicies.Disabled, TrustSecurityGroups = TrustSecurityGroupWrites.Write(writer) });

        await engine.ApplyAsync(ReportWithAttachment(), CancellationToken.None);

        Assert.That(writer.Attached, Is.EqualTo(new[] { "eni-0123" }));
        Assert.That(writer.WritesBefore, Is.EqualTo(new[] { 1 }), "the plan is applied first");
    }

    [Test]
    public async Task Companions_are_read_only_when_enabled()
    {
        var disabledSource = new CountingNetworkPolicies();
        await Engine(new InMemoryCalicoStore(), SyncEngineOptions.CalicoOnly with { Companions = CompanionPolicies.Disabled }).PlanReconcileAsync(CancellationToken.None);
        var enabledSource = new CountingNetworkPolicies();
        await Engine(new InMemoryCalicoStore(), SyncEngineOptions.CalicoOnly with { Companions = CompanionPolicies.Enabled(enabledSource) }).PlanReconcileAsync(CancellationToken.None);

        Assert.That(disabledSource.Calls, Is.Zero);
        Assert.That(enabledSource.Calls, Is.EqualTo(1));
        Assert.That(CompanionPolicies.Disabled.Source, Is.Null);
        Assert.That(TrustSecurityGroupWrites.ReadOnly.Writer, Is.Null);
    }

    private sealed class RecordingWriter(InMemoryCalicoStore store) : IAwsSecurityGroupWriter
    {
        public List<string> Attached { get; } = [];
        public List<int> WritesBefore { get; } = [];

        public Task AttachTrustAsync(TrustAttachment attachment, CancellationToken cancellationToken)
        {
            Attached.Add(attachment.Id);
            WritesBefore.Add(store.Writes);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingNetworkPolicies : IKubernetesNetworkPolicies
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<KubernetesNetworkPolicy>> ListNetworkPoliciesAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<KubernetesNetworkPolicy>>([]);
        }
    }
}
