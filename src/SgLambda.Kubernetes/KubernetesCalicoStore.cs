using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// The cluster's Calico objects on the Kubernetes API, through KubernetesClient's custom-object API, in the
/// configured API group: lists follow <c>continue</c> pages, writes are server-side apply (field manager
/// <c>sglambda</c>, forced, since SgLambda owns these objects; a create where the server cannot create a tiered
/// policy by apply, as Calico 3.32.0), deletes carry a resourceVersion precondition.
/// Throttling, server errors and timeouts are retried (<see cref="KubernetesRetry"/>).
/// </summary>
public sealed class KubernetesCalicoStore : ICalicoStore
{
    private readonly IKubernetes _client;
    private readonly KubernetesStoreOptions _options;
    private readonly KubernetesRetry _retry;
    private readonly string _group;
    private readonly string _version;

    public KubernetesCalicoStore(IKubernetes client, KubernetesStoreOptions options, KubernetesRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (!CalicoApiGroups.IsKnown(options.ApiGroup))
            throw new ArgumentException($"unknown Calico API group \"{options.ApiGroup}\"", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PageSize);
        _client = client;
        _options = options;
        _retry = retry ?? new KubernetesRetry(options.Retry);
        var slash = options.ApiGroup.IndexOf('/', StringComparison.Ordinal);
        (_group, _version) = (options.ApiGroup[..slash], options.ApiGroup[(slash + 1)..]);
    }

    public async Task<IReadOnlyList<CalicoObject>> ListAsync(string kind, string labelSelector, CancellationToken cancellationToken) =>
        (await ListVersionedAsync(kind, labelSelector, cancellationToken)).Items;

    public async Task<CalicoListing> ListVersionedAsync(string kind, string labelSelector, CancellationToken cancellationToken)
    {
        var objects = new List<CalicoObject>();
        var version = await ListEachAsync(kind, labelSelector, objects.Add, objects.Clear, cancellationToken);
        return new CalicoListing(objects, version);
    }

    public Task<string?> ListEachAsync(string kind, string labelSelector, Action<CalicoObject> each, Action restart, CancellationToken cancellationToken)
    {
        var resource = CalicoResource.For(kind);
        var operation = $"list {kind} ({_options.ApiGroup}) with selector \"{labelSelector}\"";
        return PagedCalicoList.ReadAsync(kind, _options.ApiGroup, operation,
            next => _retry.RunAsync(operation, token => ListPageAsync(resource, labelSelector, next, token), retryConflicts: false, cancellationToken), each, restart, _options.Log);
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
        var resource = CalicoResource.For(value.Kind);
        var patch = new V1Patch(AppliedConfiguration.For(value, precondition).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var name = value.Metadata.Name;
        Task Apply() => _retry.RunAsync($"apply {value.Key}", async token =>
        {
            if (resource.Namespaced)
            {
                using var namespaced = await _client.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync(
                    patch, _group, _version, RequireNamespace(value.Key), resource.Plural, name,
                    fieldManager: _options.FieldManager, force: true, cancellationToken: token);
                return true;
            }
            using var response = await _client.CustomObjects.PatchClusterCustomObjectWithHttpMessagesAsync(
                patch, _group, _version, resource.Plural, name,
                fieldManager: _options.FieldManager, force: true, cancellationToken: token);
            return true;
        }, retryConflicts: precondition is null, cancellationToken);
        // A create carries no resourceVersion.
        var created = AppliedConfiguration.For(value, null);
        Task Create() => _retry.RunAsync($"create {value.Key}", async token =>
        {
            if (resource.Namespaced)
            {
                using var namespaced = await _client.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync(
                    created, _group, _version, RequireNamespace(value.Key), resource.Plural, fieldManager: _options.FieldManager, cancellationToken: token);
                return true;
            }
            using var response = await _client.CustomObjects.CreateClusterCustomObjectWithHttpMessagesAsync(
                created, _group, _version, resource.Plural, fieldManager: _options.FieldManager, cancellationToken: token);
            return true;
        }, retryConflicts: false, cancellationToken);
        await ApplyOrCreate.RunAsync(value.Key, resource, precondition, Apply, Create, _options.Log);
    }

    public async Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
    {
        var resource = CalicoResource.For(key.Kind);
        var options = new V1DeleteOptions
        {
            Preconditions = resourceVersion is null ? null : new V1Preconditions { ResourceVersion = resourceVersion },
        };
        try
        {
            await _retry.RunAsync($"delete {key}", async token =>
            {
                if (resource.Namespaced)
                {
                    using var namespaced = await _client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(
                        _group, _version, RequireNamespace(key), resource.Plural, key.Name, body: options, cancellationToken: token);
                    return true;
                }
                using var response = await _client.CustomObjects.DeleteClusterCustomObjectWithHttpMessagesAsync(
                    _group, _version, resource.Plural, key.Name, body: options, cancellationToken: token);
                return true;
            }, retryConflicts: false, cancellationToken);
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

    private async Task<JsonObject> ListPageAsync(CalicoResource resource, string labelSelector, string? next, CancellationToken token)
    {
        var selector = string.IsNullOrEmpty(labelSelector) ? null : labelSelector;
        if (resource.Namespaced)
        {
            using var all = await _client.CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<JsonObject>(
                _group, _version, resource.Plural, continueParameter: next, labelSelector: selector, limit: _options.PageSize, cancellationToken: token);
            return all.Body;
        }
        using var response = await _client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<JsonObject>(
            _group, _version, resource.Plural, continueParameter: next, labelSelector: selector, limit: _options.PageSize, cancellationToken: token);
        return response.Body;
    }


    private static string RequireNamespace(ObjectKey key) =>
        key.Namespace ?? throw new ArgumentException($"{key} is namespaced but has no namespace", nameof(key));
}
