using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Sync;

namespace SgLambda.Cli;

/// <summary>AWS and the cluster as the options chose them, and the engine between them.</summary>
internal sealed record SyncTarget(SyncEngine Engine, SgLambdaConfig Config, bool AwsLive, InMemoryCalicoStore? OfflineCluster, string? ClusterPath, SyncOptions Options)
{
    /// <summary>The Kubernetes NetworkPolicies of the cluster snapshot, written back with it unchanged.</summary>
    public IReadOnlyList<KubernetesNetworkPolicy> OfflineNetworkPolicies { get; init; } = [];

    private static readonly JsonSerializerOptions WriteIndented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Prints the report; without --dry-run applies it (to the live cluster and AWS, or to the cluster
    /// snapshot file, which is written back).
    /// </summary>
    public async Task<int> FinishAsync(SyncReport report, ParseResult parseResult, string verb, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ReportPrinter.Print(report, parseResult.GetRequiredValue(Options.Output), verb, stdout, stderr);
        if (parseResult.GetValue(Options.DryRun) || report.IsEmpty) return ExitCodes.Success;
        if (AwsLive && OfflineCluster is null)
        {
            await Engine.ApplyAsync(report, cancellationToken);
            return ExitCodes.Success;
        }
        await Engine.ApplyAsync(report.Plan, cancellationToken);
        if (OfflineCluster is not null)
        {
            var list = CalicoSerializer.ToList(OfflineCluster.Objects);
            foreach (var policy in OfflineNetworkPolicies) ((JsonArray)list["items"]!).Add((JsonNode)KubernetesNetworkPolicyParser.ToJsonNode(policy));
            await File.WriteAllTextAsync(ClusterPath!, list.ToJsonString(WriteIndented) + Environment.NewLine, cancellationToken);
        }
        if (report.TrustAttachments.Count > 0)
            stderr.WriteLine("warning: trust SG attachments are applied only when both AWS and the cluster are live");
        return ExitCodes.Success;
    }
}
