using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A loopback Kubernetes API server for the resources SgLambda uses (Calico's CRDs in both API groups, Nodes,
/// Namespaces, Pods, NetworkPolicies), faithful to the wire: resourceVersion conflicts, server-side apply,
/// label and field selectors, paginated lists, Status errors, CRD validation. With injected faults and request
/// counters for tests, and test helpers to seed and read state directly.
/// <para>Where it is simpler than a real API server (on purpose):</para>
/// <list type="bullet">
/// <item>Server-side apply tracks ownership of top-level fields, the children of top-level objects, label and
/// annotation keys and other metadata fields (<see cref="FieldOwnership"/>); lists and nested objects below
/// that level are owned as a whole (atomic), where the API server would merge them by key.</item>
/// <item>Strategic merge patch (built-in resources only) is applied as a JSON merge patch.</item>
/// <item>No subresources such as <c>/status</c> (404; status changes by seeding), no RBAC (one optional bearer
/// token; SelfSubjectAccessReviews answer from that, see <see cref="SelfSubjectAccessReviews"/>), one optional
/// mutating webhook for pods (<see cref="PodWebhook"/>), no finalizers or graceful deletion: deletes
/// (namespaces included, with their contents) take effect at once.</item>
/// <item>Watches stream JSON WatchEvents (<see cref="WatchStream"/>); OpenAPI v3 is built from the CRD schemas
/// (<see cref="OpenApiV3Documents"/>); protobuf bodies are read for Namespaces and SelfSubjectAccessReviews only
/// (<see cref="KubernetesProtobuf"/>). The CRDs are served read-only under apiextensions.k8s.io.</item>
/// <item>Built-in objects get only their name and label checks and the defaults SgLambda reads back
/// (a Namespace's name label and phase, a Pod's phase); custom resources get full CRD validation.</item>
/// </list>
/// </summary>
public sealed class KubernetesApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _application;
    private readonly SelfSignedCertificates? _certificates;
    private readonly CancellationTokenSource _stopping = new();

    private KubernetesApiEmulator(WebApplication application, ResourceRegistry registry, FaultInjector faults,
        RequestCounters requests, SelfSignedCertificates? certificates, string? bearerToken)
    {
        _application = application;
        Registry = registry;
        Faults = faults;
        Requests = requests;
        _certificates = certificates;
        BearerToken = bearerToken;
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The store and its rules, for direct reads and writes.</summary>
    public ResourceRegistry Registry { get; }

    public FaultInjector Faults { get; }

    public RequestCounters Requests { get; }

    /// <summary>
    /// The mutating webhook pod writes go through (null: none registered, as before <c>kubectl apply -f webhook.yaml</c>).
    /// Set or clear it at any time, as applying or deleting the MutatingWebhookConfiguration does.
    /// </summary>
    public MutatingPodWebhook? PodWebhook { get; set; }

    /// <summary>The token requests must carry, when one is required.</summary>
    public string? BearerToken { get; }

    /// <summary>The CA certificate (PEM) clients must trust when the emulator serves HTTPS; null for plain HTTP.</summary>
    public string? CertificateAuthorityPem => _certificates?.Authority.ExportCertificatePem();

    /// <summary>The current global resourceVersion.</summary>
    public string ResourceVersion => Registry.ResourceVersion;

    /// <summary>Starts the emulator on 127.0.0.1 and a free port.</summary>
    public static async Task<KubernetesApiEmulator> StartAsync(KubernetesApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KubernetesApiEmulatorOptions();
        var catalog = ApiResourceCatalog.Load(options.CrdDirectory);
        var validator = options.Validator
            ?? (options.ValidateCustomResources && options.CrdDirectory is not null ? new CalicoObjectValidator(options.CrdDirectory) : null);
        var registry = new ResourceRegistry(catalog, validator, options.TimeProvider, options.RetainedRevisions);
        foreach (var namespaceName in options.InitialNamespaces)
        {
            registry.Create(catalog.RequireKind("v1", "Namespace"), null,
                new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = namespaceName } },
                WriteOptions.For("kube-apiserver"));
        }
        if (options.CrdDirectory is not null)
        {
            foreach (var definition in ApiResourceCatalog.ReadCustomResourceDefinitionObjects(options.CrdDirectory)) registry.Seed(definition);
        }
        var faults = new FaultInjector(options.FaultSeed);
        var requests = new RequestCounters();
        var certificates = options.UseTls ? SelfSignedCertificates.Create() : null;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificates is not null) listen.UseHttps(certificates.Server);
        }));
        var application = builder.Build();
        var emulator = new KubernetesApiEmulator(application, registry, faults, requests, certificates, options.BearerToken);
        var handler = new ApiRequestHandler(registry, faults, requests, options.BearerToken, () => emulator.BaseUrl.Authority)
        {
            Calico3320ApplyCreateNotFound = options.Calico3320ApplyCreateNotFound,
            PodWebhook = () => emulator.PodWebhook,
            Stopping = emulator._stopping.Token,
        };
        application.Run(handler.HandleAsync);
        await application.StartAsync(cancellationToken);
        var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return emulator;
    }

    /// <summary>Writes an object directly into the store (no validation, no namespace check); see <see cref="ResourceRegistry.Seed"/>.</summary>
    public JsonObject Seed(JsonObject value) => Registry.Seed(value);

    /// <summary>Seeds an object given as JSON text.</summary>
    public JsonObject Seed(string json) =>
        Registry.Seed(JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("the seeded JSON is not an object", nameof(json)));

    /// <summary>The stored object of a kind in an API version (<c>crd.projectcalico.org/v1</c>, <c>Tier</c>), or null.</summary>
    public JsonObject? Get(string apiVersion, string kind, string? objectNamespace, string name) =>
        Registry.Peek(Registry.Catalog.RequireKind(apiVersion, kind), objectNamespace, name);

    /// <summary>Every stored object of a kind (in one namespace, or all when null), in storage order.</summary>
    public IReadOnlyList<JsonObject> List(string apiVersion, string kind, string? objectNamespace = null) =>
        Registry.Snapshot(Registry.Catalog.RequireKind(apiVersion, kind), objectNamespace);

    /// <summary>A kubeconfig whose current context points at this emulator, with its CA (under TLS) and a token.</summary>
    public string KubeconfigYaml(string contextName = "sglambda-emulator", string? token = null)
    {
        ArgumentNullException.ThrowIfNull(contextName);
        // KubernetesClient refuses a kubeconfig user without credentials; an emulator without a required token accepts any.
        token ??= BearerToken ?? "sglambda-emulator";
        var text = new StringBuilder()
            .Append("apiVersion: v1\n")
            .Append("kind: Config\n")
            .Append("clusters:\n")
            .Append("- name: ").Append(contextName).Append('\n')
            .Append("  cluster:\n")
            .Append("    server: ").Append(BaseUrl.GetLeftPart(UriPartial.Authority)).Append('\n');
        if (CertificateAuthorityPem is { } pem)
            text.Append("    certificate-authority-data: ").Append(Convert.ToBase64String(Encoding.ASCII.GetBytes(pem))).Append('\n');
        text.Append("contexts:\n")
            .Append("- name: ").Append(contextName).Append('\n')
            .Append("  context:\n")
            .Append("    cluster: ").Append(contextName).Append('\n')
            .Append("    user: ").Append(contextName).Append('\n')
            .Append("    namespace: default\n")
            .Append("current-context: ").Append(contextName).Append('\n')
            .Append("preferences: {}\n")
            .Append("users:\n")
            .Append("- name: ").Append(contextName).Append('\n')
            .Append("  user:\n");
        text.Append("    token: ").Append(token).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes <see cref="KubeconfigYaml"/> to a file and returns its path.</summary>
    public async Task<string> WriteKubeconfigAsync(string path, string contextName = "sglambda-emulator", CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(path, KubeconfigYaml(contextName), cancellationToken);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _application.StopAsync();
        await _application.DisposeAsync();
        _certificates?.Dispose();
        _stopping.Dispose();
    }
}
