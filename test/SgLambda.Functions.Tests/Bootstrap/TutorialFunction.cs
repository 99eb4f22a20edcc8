using System.Globalization;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Functions.Observability;
using SgLambda.Composition.Offline;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>The tutorial's account (infra/examples/tutorial) in memory, and a cluster that starts empty.</summary>
internal sealed class TutorialFunction : IDisposable
{
    public const string PodSecurityGroup = "sg-98765432109876";

    public TutorialFunction(ICalicoStore? cluster = null)
    {
        var input = AwsSnapshotFolder.Read(RepositoryFiles.Tutorial);
        var inventory = new SnapshotInventory(input.Snapshot, input.Config);
        Composition = new FunctionComposition(
            new FunctionSettings { Config = input.Config, ClusterName = "sglambda-tutorial", Region = "us-west-2" },
            new SyncEngine(inventory, inventory, cluster ?? Store, input.Config, SyncEngineOptions.CalicoOnly),
            new StructuredLogger(Log, LogLevel.Debug, TimeProvider.System),
            TimeProvider.System);
    }

    public InMemoryCalicoStore Store { get; } = new();

    public StringWriter Log { get; } = new(CultureInfo.InvariantCulture);

    public FunctionComposition Composition { get; }

    public ChangeHandler ChangeHandler() => new(Composition.Settings.Config, Composition.Engine, Composition.Logger, Composition.Time);

    public void Dispose() => Log.Dispose();
}
