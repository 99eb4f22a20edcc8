using System.CommandLine;
using SgLambda.Core.Input;
using SgLambda.Core.Sync;

namespace SgLambda.Cli;

/// <summary>The options <c>replay</c> and <c>reconcile</c> share: where AWS and the cluster are, and what to print.</summary>
internal sealed class SyncOptions
{
    public readonly Option<string> AwsSnapshot = new("--aws-snapshot")
    {
        Description = "Offline AWS state: a folder with the files render takes (sgs.json, enis.json, config.json, vpcs.json, pls.json, nodes.json, sgrs.json)",
        HelpName = "DIR",
        Required = true,
    };

    public readonly Option<string> ClusterSnapshot = new("--cluster-snapshot")
    {
        Description = "Offline cluster state: a kubectl List (JSON or YAML) of the Calico objects the cluster holds; without --dry-run the result is written back to it",
        HelpName = "FILE",
        Required = true,
    };

    public readonly Option<string?> Config = new("--config")
    {
        Description = "SgLambda configuration (default: config.json in the --aws-snapshot folder)",
        HelpName = "config.json",
    };

    public readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Print the plan; change nothing",
    };

    public readonly Option<string> Output = new("--output", "-o")
    {
        Description = "Print the plan as text, or as JSON {event, affected, apply, delete, trustAttachments, warnings, skipped}",
        DefaultValueFactory = _ => ReportPrinter.Text,
    };

    public void AddTo(Command command)
    {
        Output.AcceptOnlyFromAmong(ReportPrinter.Text, ReportPrinter.Json);
        command.Add(AwsSnapshot);
        command.Add(ClusterSnapshot);
        command.Add(Config);
        command.Add(DryRun);
        command.Add(Output);
    }

    /// <summary>Reads the snapshots; throws <see cref="InputException"/> naming the bad file.</summary>
    public OfflineTarget OpenOffline(ParseResult parseResult)
    {
        var input = AwsSnapshotDirectory.Read(parseResult.GetRequiredValue(AwsSnapshot), parseResult.GetValue(Config));
        var clusterPath = parseResult.GetRequiredValue(ClusterSnapshot);
        var cluster = new InMemoryCalicoStore(ClusterSnapshotParser.Parse(InputFileReader.Read(clusterPath)));
        var inventory = new SnapshotInventory(input.Snapshot, input.Config);
        return new OfflineTarget(new SyncEngine(inventory, inventory, cluster, input.Config), cluster, clusterPath, input, this);
    }
}
