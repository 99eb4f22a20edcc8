using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SgLambda.Core.Admission;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;
using SgLambda.Functions;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Webhook;

namespace SgLambda.Benchmarks;

/// <summary>
/// The admission webhook, warm: the pure decision for the UPDATE <c>kubectl annotate</c> sends, and the whole
/// function URL request (secret check, parse, decision, JSONPatch, response) with the namespace read cached.
/// The API server waits at most timeoutSeconds (10 s) for it.
/// </summary>
[MemoryDiagnoser]
public class AdmissionBenchmarks
{
    private const string Secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly SgLambdaConfig Config = new()
    {
        VpcId = "vpc-0a1b2c3d4e5f60718",
        PodSecurityGroupId = "sg-0b1c2d3e4f5a60789",
        NodeSecurityGroupIds = ["sg-0d6f2b8c4e0a35792"],
    };

    private AdmissionReview _review = new();
    private byte[] _request = [];
    private byte[] _refused = [];
    private AdmissionWebhook _webhook = null!;
    private readonly ILambdaContext _context = new LambdaContext("bench", "AdmissionWebhook", "arn:aws:lambda:us-west-2:111122223333:function:AdmissionWebhook", DateTimeOffset.MaxValue, TimeProvider.System);

    [GlobalSetup]
    public void Setup()
    {
        var root = ColdStart.RepositoryRoot();
        var reviewText = File.ReadAllText(Path.Combine(root, "test", "SgLambda.Core.Tests", "Admission", "Fixtures", "update-annotate.json"));
        _review = JsonSerializer.Deserialize(reviewText, AdmissionJsonContext.Default.AdmissionReview)!;
        var url = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "test", "SgLambda.Functions.Tests", "Admission", "Fixtures", "function-url-request.json")))!;
        url["rawPath"] = "/" + Secret;
        url["requestContext"]!["http"]!["path"] = "/" + Secret;
        url["body"] = reviewText;
        _request = Encoding.UTF8.GetBytes(url.ToJsonString());
        // A stranger's request: the same body on a path that is not the secret (what a flood of the public URL costs).
        url["rawPath"] = "/" + new string('f', Secret.Length);
        url["requestContext"]!["http"]!["path"] = "/" + new string('f', Secret.Length);
        _refused = Encoding.UTF8.GetBytes(url.ToJsonString());
        var namespaces = new CachedNamespaceReader(new RestrictedNamespaces(), TimeProvider.System, TimeSpan.FromMinutes(5));
        _webhook = new AdmissionWebhook(Config, namespaces, WebhookSecret.FromValue("SGLAMBDA_WEBHOOK_SECRET", Secret),
            new StructuredLogger(TextWriter.Null, LogLevel.Warning, TimeProvider.System), TimeProvider.System);
    }

    [Benchmark]
    public AdmissionDecision Decide() => PodAdmission.Decide(_review, new NamespaceInfo("default", new Dictionary<string, string>()), Config);

    [Benchmark]
    public async Task<long> FunctionUrlRequest()
    {
        await using var response = await _webhook.InvokeAsync(new MemoryStream(_request, writable: false), _context);
        return response.Length;
    }

    [Benchmark]
    public async Task<long> RefusedRequest()
    {
        await using var response = await _webhook.InvokeAsync(new MemoryStream(_refused, writable: false), _context);
        return response.Length;
    }

    /// <summary>Every namespace restricts claims (so the webhook must read it; the cache answers after the first).</summary>
    private sealed class RestrictedNamespaces : INamespaceReader
    {
        public Task<NamespaceInfo> GetNamespaceAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(new NamespaceInfo(name, new Dictionary<string, string> { [AdmissionKeys.AllowedSecurityGroupsAnnotation] = "*" }));
    }
}
