using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The API server's generic registry over <see cref="ObjectStore"/>: get, list, create, update, patch, apply and
/// delete with Kubernetes' rules (metadata system fields, resourceVersion and uid preconditions, generation,
/// status subresource, managed fields, no-op writes that store nothing, validation) and its errors as
/// <see cref="StatusException"/>s. Every operation is atomic.
/// </summary>
public sealed class ResourceRegistry
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly Lock _gate = new();
    private readonly ObjectStore _store;
    private readonly ApiResourceCatalog _catalog;
    private readonly IObjectValidator? _validator;
    private readonly TimeProvider _time;
    private readonly Random _names = new(7);

    public ResourceRegistry(ApiResourceCatalog catalog, IObjectValidator? validator, TimeProvider time, int retainedRevisions)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        _catalog = catalog;
        _validator = validator;
        _time = time;
        _store = new ObjectStore(retainedRevisions);
    }

    public ApiResourceCatalog Catalog => _catalog;

    /// <summary>The current global resourceVersion.</summary>
    public string ResourceVersion
    {
        get
        {
            lock (_gate) return _store.Revision.ToString(CultureInfo.InvariantCulture);
        }
    }

    public JsonObject Get(ApiResource resource, string? objectNamespace, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            var stored = _store.Get(resource.StorageKey(objectNamespace, name))
                ?? throw new StatusException(KubernetesStatus.NotFound(resource, name));
            return Present(resource, stored);
        }
    }

    /// <summary>A <c>&lt;Kind&gt;List</c> of the matching objects; <paramref name="objectNamespace"/> null lists every namespace.</summary>
    public JsonObject List(ApiResource resource, string? objectNamespace, ListOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate) return BuildList(resource, objectNamespace, options);
    }

    public WriteResult Create(ApiResource resource, string? objectNamespace, JsonObject body, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var candidate = Decode(resource, body);
            MatchNamespace(resource, objectNamespace, candidate);
            var metadata = Metadata(candidate);
            var name = metadata["name"]?.GetValue<string>() ?? "";
            if (name.Length == 0 && metadata["generateName"]?.GetValue<string>() is { Length: > 0 } prefix)
            {
                name = prefix + new string(Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[_names.Next(GenerateNameAlphabet.Length)]).ToArray());
                metadata["name"] = name;
            }
            var requestedVersion = metadata["resourceVersion"]?.GetValue<string>();
            PrepareForCreate(resource, candidate);
            var (stored, warnings) = Validate(resource, candidate, null, options);
            RequireNamespace(resource, objectNamespace);
            if (!string.IsNullOrEmpty(requestedVersion))
                throw new StatusException(KubernetesStatus.Unknown(500, "resourceVersion should not be set on objects to be created"));
            var key = resource.StorageKey(objectNamespace, name);
            if (_store.Get(key) is not null) throw new StatusException(KubernetesStatus.AlreadyExists(resource, name));

            FieldOwnership.WriteEntries(stored, FieldOwnership.RecordUpdate(null, stored, options.FieldManager, resource.ApiVersion, Now(), resource.HasStatusSubresource));
            return Commit(resource, key, stored, created: true, warnings, options.DryRun);
        }
    }

    public WriteResult Update(ApiResource resource, string? objectNamespace, string name, JsonObject body, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var candidate = Decode(resource, body);
            RequireName(candidate, name);
            MatchNamespace(resource, objectNamespace, candidate);
            var key = resource.StorageKey(objectNamespace, name);
            var existing = _store.Get(key) ?? throw new StatusException(KubernetesStatus.NotFound(resource, name));
            return UpdateExisting(resource, key, existing, candidate, options.FieldManager, options, recordAsApply: false);
        }
    }

    /// <summary>A merge or JSON patch: <paramref name="patch"/> maps the stored object to the patched one.</summary>
    public WriteResult Patch(ApiResource resource, string? objectNamespace, string name, Func<JsonObject, JsonNode?> patch, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var key = resource.StorageKey(objectNamespace, name);
            var existing = _store.Get(key) ?? throw new StatusException(KubernetesStatus.NotFound(resource, name));
            if (patch((JsonObject)existing.DeepClone()) is not JsonObject patched)
                throw new StatusException(KubernetesStatus.BadRequest("the patched object is not a JSON object"));
            var candidate = Decode(resource, patched);
            RequireName(candidate, name);
            MatchNamespace(resource, objectNamespace, candidate);
            return UpdateExisting(resource, key, existing, candidate, options.FieldManager, options, recordAsApply: false);
        }
    }

    /// <summary>Server-side apply: creates the object when absent (201), else merges by field ownership.</summary>
    public WriteResult Apply(ApiResource resource, string? objectNamespace, string name, JsonObject applied, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var apiVersion = applied["apiVersion"]?.GetValue<string>();
            var kind = applied["kind"]?.GetValue<string>();
            if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
                throw new StatusException(KubernetesStatus.BadRequest("error decoding YAML: apiVersion and kind must be set in the applied configuration"));
            if (apiVersion != resource.ApiVersion || kind != resource.Kind)
                throw new StatusException(KubernetesStatus.BadRequest(
                    $"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})"));
            if (applied["metadata"]?["managedFields"] is not null)
                throw new StatusException(KubernetesStatus.BadRequest("metadata.managedFields must be nil"));
            var candidateName = applied["metadata"]?["name"]?.GetValue<string>() ?? "";
            if (candidateName != name)
                throw new StatusException(KubernetesStatus.BadRequest($"the name of the object ({candidateName}) does not match the name on the URL ({name})"));
            var appliedCopy = (JsonObject)applied.DeepClone();
            MatchNamespace(resource, objectNamespace, appliedCopy);

            var key = resource.StorageKey(objectNamespace, name);
            var existing = _store.Get(key);
            if (existing is null)
            {
                if (appliedCopy["metadata"]?["uid"]?.GetValue<string>() is { Length: > 0 } uid)
                    throw new StatusException(KubernetesStatus.Conflict(resource, name,
                        $"uid mismatch: the provided object specified uid {uid}, and no existing object was found"));
                // The registry's create-on-update path never compares a resourceVersion (there is none to compare):
                // an apply that carries one creates the object (kubernetes/kubernetes#106745).
                var created = ServerSideApply.Apply(null, appliedCopy, options.FieldManager, options.Force, resource.ApiVersion, Now(), resource.HasStatusSubresource);
                PrepareForCreate(resource, created);
                var (stored, warnings) = Validate(resource, created, null, options);
                RequireNamespace(resource, objectNamespace);
                return Commit(resource, key, stored, created: true, warnings, options.DryRun);
            }

            CheckPreconditions(resource, key, name, existing, appliedCopy);
            var merged = ServerSideApply.Apply(existing, appliedCopy, options.FieldManager, options.Force, resource.ApiVersion, Now(), resource.HasStatusSubresource);
            return UpdateExisting(resource, key, existing, merged, options.FieldManager, options, recordAsApply: true);
        }
    }

    /// <summary>
    /// Deletes the object (404 when absent; 409 when a precondition does not hold) and returns what the API
    /// server answers: the deleted object for custom resources and most built-ins, a Success Status for Nodes.
    /// </summary>
    public JsonObject Delete(ApiResource resource, string? objectNamespace, string name, string? preconditionUid, string? preconditionResourceVersion, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            var key = resource.StorageKey(objectNamespace, name);
            var existing = _store.Get(key) ?? throw new StatusException(KubernetesStatus.NotFound(resource, name));
            var uid = existing["metadata"]?["uid"]?.GetValue<string>() ?? "";
            var version = existing["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";
            if (preconditionUid is not null && preconditionUid != uid)
                throw PreconditionFailed(resource, key, name, $"Precondition failed: UID in precondition: {preconditionUid}, UID in object meta: {uid}");
            if (preconditionResourceVersion is not null && preconditionResourceVersion != version)
                throw PreconditionFailed(resource, key, name,
                    $"Precondition failed: ResourceVersion in precondition: {preconditionResourceVersion}, ResourceVersion in object meta: {version}");
            if (!dryRun)
            {
                _store.Delete(key);
                if (resource is { Group: "", Plural: "namespaces" }) DeleteNamespaceContents(name);
                else if (resource.Namespaced) CollectDependents(objectNamespace!, uid);
            }
            return resource is { Group: "", Plural: "nodes" }
                ? KubernetesStatus.Success(resource, name, uid)
                : Present(resource, existing);
        }
    }

    /// <summary>Deletes every matching object (no pagination); answers the List of deleted objects.</summary>
    public JsonObject DeleteCollection(ApiResource resource, string? objectNamespace, ListOptions options, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var list = BuildList(resource, objectNamespace, options with { Limit = null, Continue = null });
            foreach (var item in ((JsonArray)list["items"]!).OfType<JsonObject>())
            {
                var itemNamespace = item["metadata"]?["namespace"]?.GetValue<string>();
                var itemName = item["metadata"]!["name"]!.GetValue<string>();
                if (!dryRun) _store.Delete(resource.StorageKey(itemNamespace, itemName));
            }
            return list;
        }
    }

    /// <summary>
    /// Writes an object directly, as if it were already in etcd: system fields are filled in where missing,
    /// nothing is validated and no namespace need exist. Replaces an existing object of the same key.
    /// </summary>
    public JsonObject Seed(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var resource = ResourceOf(value);
            var stored = (JsonObject)value.DeepClone();
            var metadata = Metadata(stored);
            var name = metadata["name"]?.GetValue<string>() ?? throw new ArgumentException("a seeded object needs metadata.name", nameof(value));
            var objectNamespace = resource.Namespaced ? metadata["namespace"]?.GetValue<string>() ?? "default" : null;
            if (objectNamespace is null) metadata.Remove("namespace");
            else metadata["namespace"] = objectNamespace;
            var key = resource.StorageKey(objectNamespace, name);
            var existing = _store.Get(key);
            metadata["uid"] ??= existing?["metadata"]?["uid"]?.DeepClone() ?? Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? Now();
            if (resource.TracksGeneration) metadata["generation"] ??= 1;
            _store.Put(key, stored);
            return Present(resource, stored);
        }
    }

    /// <summary>The stored object, or null.</summary>
    public JsonObject? Peek(ApiResource resource, string? objectNamespace, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            var stored = _store.Get(resource.StorageKey(objectNamespace, name));
            return stored is null ? null : Present(resource, stored);
        }
    }

    /// <summary>Every stored object of a resource (in one namespace, or all when null), in key order.</summary>
    public IReadOnlyList<JsonObject> Snapshot(ApiResource resource, string? objectNamespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            return _store.Range(Prefix(resource, objectNamespace), null, null)!.Select(pair => Present(resource, pair.Value)).ToList();
        }
    }

    /// <summary>
    /// The start of a watch without a resourceVersion (or with "0"): the matching objects now, as the synthetic
    /// ADDED events the API server sends first, and the revision the watch continues after.
    /// </summary>
    public (IReadOnlyList<JsonObject> Objects, long Revision) WatchStart(ApiResource resource, string? objectNamespace, ListOptions options)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var objects = _store.Range(Prefix(resource, objectNamespace), null, null)!
                .Where(pair => Matches(pair.Value, options))
                .Select(pair => Present(resource, pair.Value))
                .ToList();
            return (objects, _store.Revision);
        }
    }

    /// <summary>
    /// The matching changes after <paramref name="revision"/> (410 Expired when the event log no longer reaches
    /// back that far), the revision they reach, and a task that completes at the next write.
    /// </summary>
    public (IReadOnlyList<StoreEvent> Events, long Revision, Task Changed) WatchEvents(ApiResource resource, string? objectNamespace, ListOptions options, long revision)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(options);
        lock (_gate)
        {
            var events = _store.EventsAfter(revision, Prefix(resource, objectNamespace))
                ?? throw new StatusException(KubernetesStatus.Expired(
                    $"too old resource version: {revision.ToString(CultureInfo.InvariantCulture)} ({_store.OldestWatchableRevision.ToString(CultureInfo.InvariantCulture)})"));
            var matching = events.Where(change => Matches(change.Object, options))
                .Select(change => change with { Object = Present(resource, change.Object) })
                .ToList();
            return (matching, _store.Revision, _store.Changed);
        }
    }

    /// <summary>Forgets past revisions: outstanding continue tokens expire (410).</summary>
    public void Compact()
    {
        lock (_gate) _store.Compact();
    }

    /// <summary>The resource that serves <paramref name="value"/>'s apiVersion and kind.</summary>
    public ApiResource ResourceOf(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var apiVersion = value["apiVersion"]?.GetValue<string>() ?? throw new ArgumentException("the object has no apiVersion", nameof(value));
        var kind = value["kind"]?.GetValue<string>() ?? throw new ArgumentException("the object has no kind", nameof(value));
        return _catalog.RequireKind(apiVersion, kind);
    }

    private WriteResult UpdateExisting(
        ApiResource resource, string key, JsonObject existing, JsonObject candidate, string manager, WriteOptions options, bool recordAsApply)
    {
        var name = existing["metadata"]!["name"]!.GetValue<string>();
        if (!recordAsApply) CheckPreconditions(resource, key, name, existing, candidate);

        // BeforeUpdate: system fields come from the stored object; status only changes through /status.
        var metadata = Metadata(candidate);
        var existingMetadata = (JsonObject)existing["metadata"]!;
        foreach (var system in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            if (existingMetadata[system] is { } value) metadata[system] = value.DeepClone();
            else metadata.Remove(system);
        }
        metadata.Remove("resourceVersion");
        if (resource.HasStatusSubresource)
        {
            if (existing["status"] is { } status) candidate["status"] = status.DeepClone();
            else candidate.Remove("status");
        }
        if (resource.TracksGeneration && SpecChanged(resource, existing, candidate))
            metadata["generation"] = (existingMetadata["generation"] is { } generation ? long.Parse(generation.ToJsonString(), CultureInfo.InvariantCulture) : 0) + 1;
        if (!recordAsApply)
        {
            metadata["managedFields"] = existingMetadata["managedFields"]?.DeepClone();
            FieldOwnership.WriteEntries(candidate, FieldOwnership.RecordUpdate(existing, candidate, manager, resource.ApiVersion, Now(), resource.HasStatusSubresource));
        }

        var (stored, warnings) = Validate(resource, candidate, existing, options);
        if (SameContent(existing, stored)) return new WriteResult(Present(resource, existing), Created: false, warnings);
        return Commit(resource, key, stored, created: false, warnings, options.DryRun);
    }

    // The uid and resourceVersion of an update body are preconditions on the stored object.
    private static void CheckPreconditions(ApiResource resource, string key, string name, JsonObject existing, JsonObject candidate)
    {
        var uid = candidate["metadata"]?["uid"]?.GetValue<string>();
        var existingUid = existing["metadata"]?["uid"]?.GetValue<string>() ?? "";
        if (!string.IsNullOrEmpty(uid) && uid != existingUid)
            throw PreconditionFailed(resource, key, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {existingUid}");
        var version = candidate["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(version) && version != existing["metadata"]?["resourceVersion"]?.GetValue<string>())
            throw new StatusException(KubernetesStatus.Conflict(resource, name, KubernetesStatus.OptimisticLockMessage));
    }

    private static StatusException PreconditionFailed(ApiResource resource, string key, string name, string detail) =>
        new(KubernetesStatus.Conflict(resource, name,
            $"StorageError: invalid object, Code: 4, Key: {key}, ResourceVersion: 0, AdditionalErrorMsg: {detail}"));

    private (JsonObject Stored, IReadOnlyList<string> Warnings) Validate(ApiResource resource, JsonObject candidate, JsonObject? existing, WriteOptions options)
    {
        // As decoded from the wire: every value JSON-backed, whether it came from JSON, YAML or the registry.
        candidate = (JsonObject)JsonNode.Parse(candidate.ToJsonString())!;
        // The validator of custom resources checks their metadata itself.
        var validated = _validator is not null && resource.IsCustomResource;
        List<StatusCause> errors = validated ? [] : [.. ValidateMetadata(resource, candidate)];
        var stored = candidate;
        var warnings = new List<string>();
        if (validated)
        {
            var validation = _validator!.Validate(resource, candidate, existing);
            stored = validation.Object;
            errors.AddRange(validation.Errors);
            if (validation.UnknownFields.Count > 0)
            {
                if (options.FieldValidation == WriteOptions.Strict)
                    throw new StatusException(KubernetesStatus.BadRequest("strict decoding error: "
                        + string.Join(", ", validation.UnknownFields.Select(field => $"unknown field {KubernetesStatus.GoQuote(field)}"))));
                if (options.FieldValidation != WriteOptions.Ignore)
                    warnings.AddRange(validation.UnknownFields.Select(field => $"unknown field {KubernetesStatus.GoQuote(field)}"));
            }
        }
        if (errors.Count > 0)
        {
            var name = candidate["metadata"]?["name"]?.GetValue<string>() ?? "";
            throw new StatusException(KubernetesStatus.Invalid(resource.Group, resource.Kind, name, errors));
        }
        return (stored, warnings);
    }

    // ObjectMeta rules every resource shares: a name (a DNS label for Namespaces, else a DNS subdomain) and
    // well-formed label keys and values. Custom resources get the rest from the validator.
    private static IEnumerable<StatusCause> ValidateMetadata(ApiResource resource, JsonObject candidate)
    {
        var metadata = candidate["metadata"] as JsonObject ?? [];
        var name = metadata["name"]?.GetValue<string>() ?? "";
        if (name.Length == 0)
        {
            yield return new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name");
        }
        else
        {
            var problems = resource is { Group: "", Plural: "namespaces" } ? KubernetesNames.IsDns1123Label(name) : KubernetesNames.IsDns1123Subdomain(name);
            foreach (var problem in problems)
                yield return new StatusCause("FieldValueInvalid", $"Invalid value: {KubernetesStatus.GoQuote(name)}: {problem}", "metadata.name");
        }
        if (metadata["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                foreach (var problem in KubernetesNames.IsQualifiedName(key))
                    yield return new StatusCause("FieldValueInvalid", $"Invalid value: {KubernetesStatus.GoQuote(key)}: {problem}", "metadata.labels");
                var text = value?.GetValue<string>() ?? "";
                foreach (var problem in KubernetesNames.IsValidLabelValue(text))
                    yield return new StatusCause("FieldValueInvalid", $"Invalid value: {KubernetesStatus.GoQuote(text)}: {problem}", "metadata.labels");
            }
        }
    }

    // The registry strategies' PrepareForCreate, for what SgLambda reads back.
    private void PrepareForCreate(ApiResource resource, JsonObject candidate)
    {
        var metadata = Metadata(candidate);
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (resource.TracksGeneration) metadata["generation"] = 1;
        else metadata.Remove("generation");
        switch (resource)
        {
            case { Group: "", Plural: "namespaces" }:
                var name = metadata["name"]?.GetValue<string>() ?? "";
                var labels = metadata["labels"] as JsonObject ?? [];
                labels["kubernetes.io/metadata.name"] = name;
                metadata["labels"] = labels;
                candidate["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                candidate["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case { Group: "", Plural: "pods" }:
                candidate["status"] = new JsonObject { ["phase"] = "Pending" };
                break;
            case { Group: "", Plural: "nodes" }:
                // Nodes may set status on create.
                break;
            case { HasStatusSubresource: true }:
                candidate.Remove("status");
                break;
        }
    }

    private WriteResult Commit(ApiResource resource, string key, JsonObject stored, bool created, IReadOnlyList<string> warnings, bool dryRun)
    {
        if (dryRun) return new WriteResult(Present(resource, stored), created, warnings);
        _store.Put(key, stored);
        return new WriteResult(Present(resource, stored), created, warnings);
    }

    private JsonObject BuildList(ApiResource resource, string? objectNamespace, ListOptions options)
    {
        var (items, revision, next, remaining) = Select(resource, objectNamespace, options);
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (next is not null) metadata["continue"] = next;
        if (remaining is not null) metadata["remainingItemCount"] = remaining;
        var array = new JsonArray();
        foreach (var item in items)
        {
            var presented = Present(resource, item);
            if (!resource.IsCustomResource)
            {
                // Built-in lists are typed: their items carry no kind or apiVersion.
                presented.Remove("kind");
                presented.Remove("apiVersion");
            }
            array.Add((JsonNode)presented);
        }
        return new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["items"] = array,
            ["kind"] = resource.ListKind,
            ["metadata"] = metadata,
        };
    }

    private (List<JsonObject> Items, long Revision, string? Continue, long? Remaining) Select(ApiResource resource, string? objectNamespace, ListOptions options)
    {
        var prefix = Prefix(resource, objectNamespace);
        long? revision = null;
        string? startKey = null;
        try
        {
            options.FieldSelector.RequireSupported(resource);
            if (options.Continue is { Length: > 0 } token)
            {
                var decoded = ContinueToken.Decode(token);
                revision = decoded.Revision;
                startKey = prefix + decoded.StartKey;
            }
        }
        catch (FormatException error)
        {
            throw new StatusException(KubernetesStatus.BadRequest(error.Message));
        }
        var range = _store.Range(prefix, revision, startKey)
            ?? throw new StatusException(KubernetesStatus.Expired(
                "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."));
        var listRevision = revision ?? _store.Revision;

        var items = new List<JsonObject>();
        string? lastKey = null;
        var more = false;
        long scannedAfterPage = 0;
        foreach (var (key, value) in range)
        {
            if (options.Limit is { } limit && limit > 0 && items.Count >= limit)
            {
                more = true;
                scannedAfterPage++;
                continue;
            }
            lastKey = key;
            if (Matches(value, options)) items.Add(value);
        }
        var filtered = options.LabelSelector.Requirements.Count > 0 || options.FieldSelector.Requirements.Count > 0;
        // Real API servers keep scanning until the page is full, so a filtered page never ends with only non-matches.
        if (!more) return (items, listRevision, null, null);
        var next = new ContinueToken(listRevision, lastKey![prefix.Length..] + "\u0000").Encode();
        return (items, listRevision, next, filtered ? null : scannedAfterPage);
    }

    private static bool Matches(JsonObject value, ListOptions options) =>
        options.LabelSelector.Matches(JsonLabels.Of(value)) && options.FieldSelector.Matches(value);

    private static string Prefix(ApiResource resource, string? objectNamespace) =>
        objectNamespace is null ? resource.StoragePrefix + "/" : $"{resource.StoragePrefix}/{objectNamespace}/";

    private void DeleteNamespaceContents(string namespaceName)
    {
        foreach (var resource in _catalog.Resources.Where(resource => resource.Namespaced).DistinctBy(resource => resource.StoragePrefix))
        {
            foreach (var key in _store.Range(Prefix(resource, namespaceName), null, null)!.Select(pair => pair.Key).ToList())
                _store.Delete(key);
        }
    }

    // The garbage collector, at once rather than eventually: objects of the owner's namespace whose
    // ownerReferences name its uid go with it (and their dependents in turn).
    private void CollectDependents(string objectNamespace, string ownerUid)
    {
        if (ownerUid.Length == 0) return;
        foreach (var resource in _catalog.Resources.Where(resource => resource.Namespaced).DistinctBy(resource => resource.StoragePrefix).ToList())
        {
            var dependents = _store.Range(Prefix(resource, objectNamespace), null, null)!
                .Where(pair => (pair.Value["metadata"]?["ownerReferences"] as JsonArray ?? [])
                    .Any(owner => owner?["uid"]?.GetValue<string>() == ownerUid))
                .ToList();
            foreach (var (key, value) in dependents)
            {
                _store.Delete(key);
                CollectDependents(objectNamespace, value["metadata"]?["uid"]?.GetValue<string>() ?? "");
            }
        }
    }

    private void RequireNamespace(ApiResource resource, string? objectNamespace)
    {
        if (!resource.Namespaced) return;
        var namespaces = _catalog.RequireKind("v1", "Namespace");
        if (_store.Get(namespaces.StorageKey(null, objectNamespace!)) is null)
            throw new StatusException(KubernetesStatus.NamespaceNotFound(objectNamespace!));
    }

    private static JsonObject Decode(ApiResource resource, JsonObject body)
    {
        var candidate = (JsonObject)body.DeepClone();
        var apiVersion = candidate["apiVersion"]?.GetValue<string>();
        var kind = candidate["kind"]?.GetValue<string>();
        if (resource.IsCustomResource && (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind)))
            throw new StatusException(KubernetesStatus.BadRequest($"Object 'Kind' is missing in '{body.ToJsonString()}'"));
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != resource.ApiVersion)
            throw new StatusException(KubernetesStatus.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})"));
        if (!string.IsNullOrEmpty(kind) && kind != resource.Kind)
            throw new StatusException(KubernetesStatus.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})"));
        RequireShape(candidate);
        var ordered = new JsonObject { ["apiVersion"] = resource.ApiVersion, ["kind"] = resource.Kind };
        foreach (var (name, value) in candidate.ToList())
        {
            if (name is "apiVersion" or "kind") continue;
            candidate.Remove(name);
            ordered[name] = value;
        }
        if (ordered["metadata"] is not JsonObject) ordered["metadata"] = new JsonObject();
        return ordered;
    }

    // The decoder's type checks on the metadata fields the registry reads: strings and string maps.
    private static void RequireShape(JsonObject candidate)
    {
        if (candidate["metadata"] is null) return;
        if (candidate["metadata"] is not JsonObject metadata)
            throw new StatusException(KubernetesStatus.BadRequest("metadata: expected object"));
        foreach (var field in new[] { "name", "namespace", "generateName", "uid", "resourceVersion" })
        {
            if (metadata[field] is { } value && value.GetValueKind() != JsonValueKind.String)
                throw new StatusException(KubernetesStatus.BadRequest($"metadata.{field}: expected string, got {value.GetValueKind()}"));
        }
        foreach (var map in new[] { "labels", "annotations" })
        {
            if (metadata[map] is null) continue;
            if (metadata[map] is not JsonObject entries || entries.Any(pair => pair.Value is { } entry && entry.GetValueKind() != JsonValueKind.String))
                throw new StatusException(KubernetesStatus.BadRequest($"metadata.{map}: expected map of strings"));
        }
    }

    private static void RequireName(JsonObject candidate, string name)
    {
        var candidateName = candidate["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (candidateName != name)
            throw new StatusException(KubernetesStatus.BadRequest($"the name of the object ({candidateName}) does not match the name on the URL ({name})"));
    }

    private static void MatchNamespace(ApiResource resource, string? objectNamespace, JsonObject candidate)
    {
        var metadata = Metadata(candidate);
        var candidateNamespace = metadata["namespace"]?.GetValue<string>() ?? "";
        var requestNamespace = resource.Namespaced ? objectNamespace ?? "" : "";
        if (candidateNamespace == requestNamespace) return;
        if (candidateNamespace.Length == 0) metadata["namespace"] = requestNamespace;
        else if (requestNamespace.Length == 0) metadata.Remove("namespace");
        else throw new StatusException(KubernetesStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
    }

    private static JsonObject Metadata(JsonObject candidate)
    {
        if (candidate["metadata"] is JsonObject metadata) return metadata;
        metadata = [];
        candidate["metadata"] = metadata;
        return metadata;
    }

    // A spec change bumps generation: everything but metadata (and status, when it has its own subresource).
    private static bool SpecChanged(ApiResource resource, JsonObject existing, JsonObject candidate)
    {
        static JsonObject Strip(JsonObject value, bool withoutStatus)
        {
            var copy = (JsonObject)value.DeepClone();
            copy.Remove("metadata");
            if (withoutStatus) copy.Remove("status");
            return copy;
        }
        return !JsonNode.DeepEquals(Strip(existing, resource.HasStatusSubresource), Strip(candidate, resource.HasStatusSubresource));
    }

    // A write that changes nothing but managed-field timestamps is not a write (no new resourceVersion).
    private static bool SameContent(JsonObject existing, JsonObject candidate)
    {
        static JsonObject Normalize(JsonObject value)
        {
            var copy = (JsonObject)value.DeepClone();
            if (copy["metadata"] is JsonObject metadata)
            {
                metadata.Remove("resourceVersion");
                foreach (var entry in (metadata["managedFields"] as JsonArray ?? []).OfType<JsonObject>()) entry.Remove("time");
            }
            return copy;
        }
        return JsonNode.DeepEquals(Normalize(existing), Normalize(candidate));
    }

    // Custom resources are unstructured maps in the API server, which prints map keys sorted.
    private static JsonObject Present(ApiResource resource, JsonObject stored)
    {
        var copy = resource.IsCustomResource ? (JsonObject)Sorted(stored)! : (JsonObject)stored.DeepClone();
        copy["apiVersion"] = resource.ApiVersion;
        return copy;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, Sorted(pair.Value)))),
        JsonArray list => new JsonArray(list.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
