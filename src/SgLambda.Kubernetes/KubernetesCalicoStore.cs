using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// The cluster's Calico objects on the Kubernetes API, in the configured API group, over
/// <see cref="KubernetesHttpApi"/> and the core's source-generated <see cref="CalicoSerializer"/> (so the Lambda
/// functions run it under Native AOT, and the CLI alike): label-selector lists follow <c>continue</c> pages and
/// start over when the token expires (<see cref="PagedCalicoList"/>); writes are server-side apply (field manager
/// <c>sglambda</c>, forced, since SgLambda owns these objects; a create where the server cannot create a tiered
/// policy by apply, as Calico 3.32.0); deletes carry a resourceVersion precondition, 404 and 409 not errors.
/// Throttling, server errors and timeouts are retried (<see cref="KubernetesRetry"/>).
/// </summary>
public sealed class KubernetesCalicoStore : ICalicoStore
{
    private readonly KubernetesHttpApi _api;
    private readonly KubernetesStoreOptions _options;
    private readonly KubernetesRetry _retry;

    public KubernetesCalicoStore(KubernetesHttpApi api, KubernetesStoreOptions options, KubernetesRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        if (!CalicoApiGroups.IsKnown(options.ApiGroup))
            throw new ArgumentException($"unknown Calico API group \"{options.ApiGroup}\"", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PageSize);
        _api = api;
        _options = options;
        _retry = retry ?? new KubernetesRetry(options.Retry);
    }

    public async Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
        (await ListVersionedAsync(kind, query, cancellationToken)).Items;

    public async Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken)
    {
        var objects = new List<CalicoObject>();
        var version = await ListEachAsync(kind, query, objects.Add, objects.Clear, cancellationToken);
        return new CalicoListing(objects, version);
    }

    public Task<string?> ListEachAsync(CalicoKind kind, LabelQuery query, Action<CalicoObject> each, Action restart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var labelSelector = LabelSelectorText.Render(query);
        var operation = $"list {kind} ({_options.ApiGroup}) with selector \"{labelSelector}\"";
        Task<JsonObject> FetchAsync(string? next)
        {
            var parameters = new StringBuilder("?limit=").Append(_options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(labelSelector)) parameters.Append("&labelSelector=").Append(Uri.EscapeDataString(labelSelector));
            if (next is not null) parameters.Append("&continue=").Append(Uri.EscapeDataString(next));
            // Namespaced kinds are listed across all namespaces, as SgLambda scopes by label, not namespace.
            var path = $"{Collection(kind)}{parameters}";
            return _retry.RunAsync(operation, token => _api.GetAsync(path, token), retryConflicts: false, cancellationToken);
        }
        return PagedCalicoList.ReadAsync(kind.Name, _options.ApiGroup, operation, FetchAsync, each, restart, _options.Log);
    }

    public Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken) => ApplyAsync(value, null, cancellationToken);

    public async Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        try
        {
            await ApplyAsync(value, precondition, cancellationToken);
            return true;
        }
        catch (KubernetesRequestException changed) when (changed.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            // A newer writer changed, created or deleted it since it was listed: its state stands.
            _options.Log?.Invoke($"apply {value.Key} skipped: it changed since it was listed ({changed.StatusMessage})");
            return false;
        }
    }

    private async Task ApplyAsync(CalicoObject value, WritePrecondition? precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!string.Equals(value.ApiVersion, _options.ApiGroup, StringComparison.Ordinal))
            throw new ArgumentException($"{value.Key} is {value.ApiVersion}, but this store writes {_options.ApiGroup}", nameof(value));
        var kind = CalicoKind.Of(value.Kind);
        var body = AppliedConfiguration.For(value, precondition);
        var fieldManager = $"fieldManager={Uri.EscapeDataString(_options.FieldManager)}";
        var path = $"{Item(kind, value.Key)}?{fieldManager}&force=true";
        await ApplyOrCreate.RunAsync(value.Key, kind, precondition,
            () => _retry.RunAsync($"apply {value.Key}", token => _api.ApplyAsync(path, body, token), retryConflicts: precondition is null, cancellationToken),
            () => _retry.RunAsync($"create {value.Key}", token => _api.CreateAsync($"{Collection(kind, value.Key)}?{fieldManager}", AppliedConfiguration.For(value, null), token),
                retryConflicts: false, cancellationToken),
            _options.Log);
    }

    public async Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
    {
        var kind = CalicoKind.Of(key.Kind);
        var options = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "DeleteOptions" };
        if (resourceVersion is not null) options["preconditions"] = new JsonObject { ["resourceVersion"] = resourceVersion };
        try
        {
            await _retry.RunAsync($"delete {key}", token => _api.DeleteAsync(Item(kind, key), (JsonObject)options.DeepClone(), token), retryConflicts: false, cancellationToken);
        }
        catch (KubernetesRequestException gone) when (gone.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: what the delete wanted.
        }
        catch (KubernetesRequestException changed) when (changed.StatusCode == HttpStatusCode.Conflict)
        {
            // Changed since it was read: someone else's now, so it stays.
            _options.Log?.Invoke($"delete {key} skipped: it changed since resourceVersion {resourceVersion} was read ({changed.StatusMessage})");
        }
    }

    private string Collection(CalicoKind kind) => $"apis/{_options.ApiGroup}/{kind.Plural}";

    // Where a create of the object goes: its namespace's collection for namespaced kinds.
    private string Collection(CalicoKind kind, ObjectKey key) =>
        kind.Namespaced
            ? $"apis/{_options.ApiGroup}/namespaces/{Uri.EscapeDataString(key.Namespace ?? throw new ArgumentException($"{key} is namespaced but has no namespace", nameof(key)))}/{kind.Plural}"
            : Collection(kind);

    private string Item(CalicoKind kind, ObjectKey key)
    {
        var name = Uri.EscapeDataString(key.Name);
        if (!kind.Namespaced) return $"apis/{_options.ApiGroup}/{kind.Plural}/{name}";
        var objectNamespace = key.Namespace ?? throw new ArgumentException($"{key} is namespaced but has no namespace", nameof(key));
        return $"apis/{_options.ApiGroup}/namespaces/{Uri.EscapeDataString(objectNamespace)}/{kind.Plural}/{name}";
    }

}
