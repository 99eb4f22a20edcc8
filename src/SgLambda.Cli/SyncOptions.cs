using System.CommandLine;
using SgLambda.Composition;
using SgLambda.Core.Input;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;

namespace SgLambda.Cli;

/// <summary>
/// The options <c>replay</c> and <c>reconcile</c> share: where AWS is (live, or a snapshot folder), where the
/// cluster is (live through a kubeconfig, or a snapshot file), and what to print. Each side is chosen on
/// its own, so a live account can be planned against a cluster snapshot and the other way round.
/// </summary>
internal sealed class SyncOptions
{
    public readonly Option<string?> AwsSnapshot = new("--aws-snapshot")
    {
        Description = "Offline AWS state: a folder with the files render takes (sgs.json, enis.json, config.json, vpcs.json, pls.json, nodes.json, sgrs.json). Without it, AWS is read live (default credential chain)",
        HelpName = "DIR",
    };

    public readonly Option<string?> Region = new("--region")
    {
        Description = "AWS region for live reads (default: AWS_REGION, AWS_DEFAULT_REGION, then the config's region). Endpoints follow AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL_RDS and AWS_ENDPOINT_URL when set",
    };

    public readonly Option<string?> ClusterSnapshot = new("--cluster-snapshot")
    {
        Description = "Offline cluster state: a kubectl List (JSON or YAML) of the Calico objects the cluster holds; without --dry-run the result is written back to it. Without it, the cluster of --kubeconfig is used",
        HelpName = "FILE",
    };

    public readonly Option<string?> Kubeconfig = new("--kubeconfig")
    {
        Description = "kubeconfig for the live cluster (default: KUBECONFIG, then ~/.kube/config)",
        HelpName = "FILE",
    };

    public readonly Option<string?> Context = new("--context")
    {
        Description = "kubeconfig context (default: the current context)",
    };

    public readonly Option<string?> Config = new("--config")
    {
        Description = "SgLambda configuration (default: config.json in the --aws-snapshot folder; required when AWS is live)",
        HelpName = "config.json",
    };

    public readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Print the plan; change nothing",
    };

    public readonly Option<string> Output = new("--output", "-o")
    {
        Description = "Print the plan as text, or as JSON {event, affected, reason, apply, delete, trustAttachments, warnings, skipped}",
        DefaultValueFactory = _ => ReportPrinter.Text,
    };

    public void AddTo(Command command)
    {
        Output.AcceptOnlyFromAmong(ReportPrinter.Text, ReportPrinter.Json);
        foreach (var option in new Option[] { AwsSnapshot, Region, ClusterSnapshot, Kubeconfig, Context, Config, DryRun, Output })
            command.Add(option);
    }

    /// <summary>Opens both sides; throws <see cref="InputException"/> naming a bad file or a missing option.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="decorateStore">Wraps the cluster store (e.g. to show progress); null keeps it as is.</param>
    public SyncTarget Open(ParseResult parseResult, Func<ICalicoStore, ICalicoStore>? decorateStore = null)
    {
        var composed = Compose(parseResult);
        if (decorateStore is not null) composed = composed with { Cluster = composed.Cluster with { Store = decorateStore(composed.Cluster.Store) } };
        // Companions always (a snapshot's NetworkPolicies are read, never changed); trust SGs only when both sides are live.
        var engine = composed.Engine(new SyncEngineOptions { Companions = composed.Companions, TrustSecurityGroups = composed.TrustWritesWhenBothLive });
        return new SyncTarget(engine, composed, this);
    }

    /// <summary>Both sides as the options choose them, through the composition root.</summary>
    internal Composed Compose(ParseResult parseResult)
    {
        var (config, aws) = CliSources.Aws(parseResult.GetValue(AwsSnapshot), parseResult.GetValue(Config), parseResult.GetValue(Region));
        var cluster = CliSources.Cluster(parseResult.GetValue(ClusterSnapshot), parseResult.GetValue(Kubeconfig), parseResult.GetValue(Context), "--cluster-snapshot to plan offline");
        return CompositionRoot.Compose(aws, cluster, config);
    }
}
