using System.CommandLine;
using SgLambda.Aws.Health;
using SgLambda.Core.Calico;
using SgLambda.Cli.Output;
using SgLambda.Diagnostics.Doctor;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.Input;
using SgLambda.Composition;
using SgLambda.Kubernetes;

namespace SgLambda.Cli.Doctor;

/// <summary>
/// <c>sglambda doctor</c>: checks an installation (tiers, policies, HostEndpoints, the internal SGs, foreign
/// objects, drift, the webhook, the functions' errors and dead letters) and says what is wrong, why it
/// matters and how to fix it. Live (AWS and a kubeconfig) or offline on snapshots; reads only.
/// </summary>
internal sealed class DoctorCommand
{
    private readonly SyncOptions _sync = new();
    private readonly HttpMessageHandler? _probeHandler;

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Print the findings as text, or as JSON {healthy, summary, checks: [{check, title, status, skipReason, findings: [{id, severity, subject, what, why, fix}]}]}",
        DefaultValueFactory = _ => ReportPrinter.Text,
    };

    private readonly Option<string?> _deadLetterQueueUrl = new("--dead-letter-queue-url")
    {
        Description = "The functions' dead-letter queue (the stack's DeadLetterQueueUrl output); without it that check is skipped",
        HelpName = "URL",
    };

    private readonly Option<string[]> _functionLogGroups = new("--function-log-group")
    {
        Description = "A function's log group to search for error lines of the last hour (outputs ChangeHandlerLogGroup, ReconcilerLogGroup); repeatable",
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _noColor = new("--no-color")
    {
        Description = "No colour, even on a terminal (NO_COLOR does the same)",
    };

    private readonly Option<string?> _webhookConfiguration = new("--webhook-configuration")
    {
        Description = "Offline: kubectl get mutatingwebhookconfiguration sglambda-pod-security-groups -o json, instead of reading it from the cluster",
        HelpName = "FILE",
    };

    private readonly Option<string?> _pods = new("--pods")
    {
        Description = "Offline: kubectl get pods -A -o json, for the check that annotated pods reach the Kubernetes API and cluster DNS",
        HelpName = "FILE",
    };

    /// <param name="probeHandler">The HTTP handler of the webhook probe (tests trust their own server with it).</param>
    public DoctorCommand(HttpMessageHandler? probeHandler = null)
    {
        _probeHandler = probeHandler;
        Command = new Command("doctor", "Check an installation: what is wrong, why it matters, and the command that fixes it. Exit 0 healthy, 4 problems found.");
        _output.AcceptOnlyFromAmong(ReportPrinter.Text, ReportPrinter.Json);
        foreach (var option in new Option[] { _sync.AwsSnapshot, _sync.Region, _sync.ClusterSnapshot, _sync.Kubeconfig, _sync.Context, _sync.Config, _deadLetterQueueUrl, _functionLogGroups, _webhookConfiguration, _pods, _output, _noColor })
            Command.Add(option);
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            var input = await ReadAsync(parseResult, cancellationToken);
            var report = InstallationDoctor.Examine(input);
            DoctorPrinter.Print(report, parseResult.GetRequiredValue(_output), stdout, Terminal.PainterFor(stdout, parseResult.GetValue(_noColor)));
            return report.IsHealthy ? ExitCodes.Success : ExitCodes.ProblemsFound;
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (ServiceErrors.IsServiceFailure(e))
        {
            return ServiceErrors.Report(e, stderr);
        }
    }

    private async Task<DoctorInput> ReadAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (config, awsSource) = CliSources.Aws(parseResult.GetValue(_sync.AwsSnapshot), parseResult.GetValue(_sync.Config), parseResult.GetValue(_sync.Region));
        var clusterPath = parseResult.GetValue(_sync.ClusterSnapshot);
        var webhookPath = parseResult.GetValue(_webhookConfiguration);
        // Parse every file before any network call, so bad input fails fast with exit 2.
        var clusterFile = clusterPath is null ? null : InputFileReader.Read(clusterPath);
        IReadOnlyList<CalicoObject>? offlineCluster = clusterFile is null ? null : ClusterSnapshotParser.Parse(clusterFile);
        var offlinePolicies = clusterFile is null ? null : ClusterSnapshotParser.ParseNetworkPolicies(clusterFile);
        var offlineWebhook = webhookPath is null ? null : WebhookConfigurationParser.Parse(InputFileReader.Read(webhookPath));
        var podsPath = parseResult.GetValue(_pods);
        IReadOnlyList<ClusterPod>? offlinePods = podsPath is null ? null : PodListParser.Parse(InputFileReader.Read(podsPath));
        // The cluster snapshot is examined as the file holds it (every object, in its order); a live cluster through the composition root.
        var composed = offlineCluster is not null ? null : CompositionRoot.Compose(awsSource,
            ClusterSource.Kubeconfig(CliSources.Kubeconfig(parseResult.GetValue(_sync.Kubeconfig), parseResult.GetValue(_sync.Context), "--cluster-snapshot to plan offline")), config);
        using var awsSide = composed?.Aws ?? CompositionRoot.OpenAws(awsSource, config);
        var region = awsSide.Region;
        var aws = await awsSide.Inventory.ReadAllAsync(cancellationToken);

        var input = new DoctorInput { Aws = aws, Config = config, Cluster = offlineCluster ?? [] };
        if (offlineCluster is not null)
        {
            input = input with
            {
                Webhook = offlineWebhook is not null || webhookPath is not null
                    ? Observation.Of(offlineWebhook)
                    : Observation.Skipped<WebhookConfiguration?>("offline (--cluster-snapshot); pass --webhook-configuration"),
                WebhookProbe = Observation.Skipped<WebhookProbeResult>("offline (--cluster-snapshot)"),
                Pods = offlinePods is null
                    ? Observation.Skipped<IReadOnlyList<ClusterPod>>("offline (--cluster-snapshot); pass --pods")
                    : Observation.Of(offlinePods),
                // The snapshot's Kubernetes NetworkPolicies (kubectl get networkpolicies -A -o json in the same List).
                NetworkPolicies = Observation.Of(offlinePolicies!),
            };
        }
        else
        {
            var live = composed!.Cluster;
            var kubernetes = live.Client!;
            var objects = new List<CalicoObject>();
            foreach (var kind in InstallationDoctor.ClusterKinds) objects.AddRange(await live.Store.ListAsync(CalicoKind.Of(kind), LabelQuery.Everything, cancellationToken));
            // A live cluster knows its Nodes better than a snapshot folder's nodes.json.
            var nodes = await composed.Nodes.ListNodesAsync(cancellationToken);
            var webhook = webhookPath is not null
                ? offlineWebhook
                : await new KubernetesWebhookConfigurationReader(live.Api!).ReadAsync(WebhookConfiguration.SgLambdaName, cancellationToken);
            var probeUrl = WebhookConfigurationCheck.ProbeUrl(webhook);
            input = input with
            {
                Aws = aws with { Nodes = nodes },
                Cluster = objects,
                Webhook = Observation.Of(webhook),
                Pods = Observation.Of(offlinePods ?? await ClusterPods.ListAsync(kubernetes, cancellationToken)),
                NetworkPolicies = Observation.Of(await live.NetworkPolicies.ListNetworkPoliciesAsync(cancellationToken)),
                WebhookProbe = probeUrl is null
                    ? Observation.Skipped<WebhookProbeResult>("no https webhook for pods to probe")
                    : Observation.Of(await new WebhookProbe(_probeHandler).ProbeAsync(probeUrl, cancellationToken)),
            };
        }
        return input with
        {
            DeadLetterQueue = await ReadDeadLetterQueueAsync(parseResult, region, cancellationToken),
            FunctionErrors = await ReadFunctionErrorsAsync(parseResult, region, cancellationToken),
        };
    }

    private async Task<Observed<DeadLetterQueueState>> ReadDeadLetterQueueAsync(ParseResult parseResult, string? region, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_deadLetterQueueUrl) is not { } url)
            return Observation.Skipped<DeadLetterQueueState>("no --dead-letter-queue-url (the stack's DeadLetterQueueUrl output)");
        if (region is null) return Observation.Skipped<DeadLetterQueueState>("offline (--aws-snapshot)");
        using var sqs = HealthClients.CreateSqsClient(region);
        return Observation.Of(await new DeadLetterQueueReader(sqs).ReadAsync(url, cancellationToken));
    }

    private async Task<Observed<IReadOnlyList<FunctionLogErrors>>> ReadFunctionErrorsAsync(ParseResult parseResult, string? region, CancellationToken cancellationToken)
    {
        var groups = parseResult.GetValue(_functionLogGroups) ?? [];
        if (groups.Length == 0)
            return Observation.Skipped<IReadOnlyList<FunctionLogErrors>>("no --function-log-group (the stack's ChangeHandlerLogGroup and ReconcilerLogGroup outputs)");
        if (region is null) return Observation.Skipped<IReadOnlyList<FunctionLogErrors>>("offline (--aws-snapshot)");
        using var logs = HealthClients.CreateLogsClient(region);
        var reader = new FunctionErrorReader(logs);
        var found = new List<FunctionLogErrors>();
        foreach (var group in groups) found.Add(await reader.ReadAsync(group, cancellationToken));
        return Observation.Of<IReadOnlyList<FunctionLogErrors>>(found);
    }
}
