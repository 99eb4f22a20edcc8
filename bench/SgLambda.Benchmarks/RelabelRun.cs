using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Sync;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Functions;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Webhook;
using SgLambda.Kubernetes;

namespace SgLambda.Benchmarks;

/// <summary>
/// <c>--relabel [--pods 100,1000]</c>: how soon a pod the webhook missed gets its labels, apart from the reconcile
/// schedule: the reconciler's relabel pass (<see cref="PodRelabeler"/>: list the pods, one empty merge patch per pod
/// that lacks its labels) against the Kubernetes API emulator, which sends each UPDATE through the admission webhook
/// function's function URL handler (in process) and applies its patch. Then the same pass with nothing to do, what
/// every later reconcile pays. Not a BenchmarkDotNet benchmark: one timed run per size (a pass is seconds).
/// </summary>
internal static class RelabelRun
{
    public const string Flag = "--relabel";
    private const string Secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly SgLambdaConfig Config = new()
    {
        VpcId = "vpc-0a1b2c3d4e5f60718",
        PodSecurityGroupId = "sg-0b1c2d3e4f5a60789",
        NodeSecurityGroupIds = ["sg-0d6f2b8c4e0a35792"],
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--pods")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [100, 1000];
        Console.WriteLine($"relabel pass on the Kubernetes API emulator, webhook in process; load average {LoadAverage()}");
        Console.WriteLine("| pods lacking labels | first pass | per pod | pass with nothing to do |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var (first, idle) = await MeasureAsync(size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {first.TotalSeconds:F2} s | {first.TotalMilliseconds / size:F2} ms | {idle.TotalSeconds:F2} s |"));
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static async Task<(TimeSpan First, TimeSpan Idle)> MeasureAsync(int size)
    {
        await using var cluster = await KubernetesApiEmulator.StartAsync();
        for (var i = 0; i < size; i++)
        {
            // Pods started before the webhook: no SG labels; every other one claims an SG.
            var metadata = new JsonObject { ["name"] = $"app-{i}", ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = "app" } };
            if (i % 2 == 0) metadata["annotations"] = new JsonObject { [LabelKeys.SecurityGroupsAnnotation] = "[\"sg-0e1f2a3b4c5d60718\"]" };
            cluster.Seed(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = metadata,
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx" }) },
            });
        }
        using var api = new KubernetesHttpApi(cluster.BaseUrl, null, new StaticTokenSource("bench"));
        var logger = new StructuredLogger(TextWriter.Null, LogLevel.Warning, TimeProvider.System);
        var namespaces = new CachedNamespaceReader(new KubernetesHttpNamespaceReader(api), TimeProvider.System, CachedNamespaceReader.DefaultLifetime);
        var function = new AdmissionWebhook(Config, namespaces, WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, Secret), logger, TimeProvider.System);
        cluster.PodWebhook = new MutatingPodWebhook("pods.sglambda.io", (review, token) => CallAsync(function, review, token))
        {
            ExcludedNamespaces = Config.ExemptNamespaces.ToHashSet(StringComparer.Ordinal),
        };
        var relabeler = new PodRelabeler(new KubernetesHttpPodLabels(api), Config);

        var started = Stopwatch.GetTimestamp();
        var (relabelled, warnings) = await relabeler.RelabelAsync(CancellationToken.None);
        var first = Stopwatch.GetElapsedTime(started);
        if (relabelled.Count != size || warnings.Count > 0)
            throw new InvalidOperationException($"relabelled {relabelled.Count} of {size}: {string.Join("; ", warnings)}");
        started = Stopwatch.GetTimestamp();
        var (again, _) = await relabeler.RelabelAsync(CancellationToken.None);
        var idle = Stopwatch.GetElapsedTime(started);
        if (again.Count != 0) throw new InvalidOperationException($"{again.Count} pods still lack their labels after the pass");
        return (first, idle);
    }

    /// <summary>The API server's call, as the function URL delivers it: payload 2.0, the secret as the path.</summary>
    private static async Task<JsonObject> CallAsync(AdmissionWebhook function, JsonObject review, CancellationToken cancellationToken)
    {
        var request = FunctionUrlPost.Of(Secret, review.ToJsonString());
        using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request, WebhookJsonContext.Default.APIGatewayHttpApiV2ProxyRequest));
        var context = new LambdaContext(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), "AdmissionWebhook",
            "arn:aws:lambda:us-west-2:111122223333:function:AdmissionWebhook", DateTimeOffset.UtcNow.AddSeconds(10), TimeProvider.System);
        await using var output = await function.InvokeAsync(input, context);
        var response = await JsonSerializer.DeserializeAsync(output, WebhookJsonContext.Default.APIGatewayHttpApiV2ProxyResponse, cancellationToken);
        return JsonNode.Parse(response?.Body ?? "{}")!.AsObject();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
