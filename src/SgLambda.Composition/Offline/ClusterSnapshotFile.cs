using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Input;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;

namespace SgLambda.Composition.Offline;

/// <summary>
/// A cluster snapshot file (a kubectl List, as <c>sglambda replay --cluster-snapshot</c> takes) standing in
/// for the cluster: read once, and written back (as a JSON List) after every change, so what a function
/// applied can be read from the file while the process still runs; or, for the CLI, once when told
/// (<see cref="Save"/>), after the whole plan is applied.
/// </summary>
public sealed class ClusterSnapshotFile : ICalicoStore
{
    private readonly string _path;
    private readonly InMemoryCalicoStore _store;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _writing = new();
    private readonly bool _saveEachWrite;

    private ClusterSnapshotFile(string path, InMemoryCalicoStore store, InMemoryNetworkPolicies networkPolicies, bool saveEachWrite)
    {
        _path = path;
        _store = store;
        _saveEachWrite = saveEachWrite;
        NetworkPolicies = networkPolicies;
    }

    /// <summary>The file's Kubernetes NetworkPolicies (read only: written back unchanged).</summary>
    public InMemoryNetworkPolicies NetworkPolicies { get; }

    /// <summary>Reads the file; throws <see cref="InputException"/> naming it when it is missing or malformed.</summary>
    public static ClusterSnapshotFile Open(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot read the file: " + e.Message);
        }
        return Parse(new InputFile(path, text), saveEachWrite: true);
    }

    /// <summary>
    /// A file already read; throws <see cref="InputException"/> when it is malformed. Written back to
    /// its <see cref="InputFile.Name"/> (the path) after every change when <paramref name="saveEachWrite"/>, else only by <see cref="Save"/>.
    /// </summary>
    public static ClusterSnapshotFile Parse(InputFile file, bool saveEachWrite)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new ClusterSnapshotFile(file.Name, new InMemoryCalicoStore(ClusterSnapshotParser.Parse(file)),
            new InMemoryNetworkPolicies(ClusterSnapshotParser.ParseNetworkPolicies(file)), saveEachWrite);
    }

    public IReadOnlyList<CalicoObject> Objects => _store.Objects;

    public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
        _store.ListAsync(kind, query, cancellationToken);

    public Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
        _store.ListVersionedAsync(kind, query, cancellationToken);

    public async Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        var written = await _store.ApplyIfUnchangedAsync(value, precondition, cancellationToken);
        if (written && _saveEachWrite) Save();
        return written;
    }

    public async Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken)
    {
        await _store.ApplyAsync(value, cancellationToken);
        if (_saveEachWrite) Save();
    }

    public async Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
    {
        var writes = _store.Writes;
        await _store.DeleteAsync(key, resourceVersion, cancellationToken);
        if (_store.Writes != writes && _saveEachWrite) Save();
    }

    /// <summary>Writes every object back as a JSON List (NetworkPolicies unchanged): beside the file, then renamed, so a reader never sees half a List.</summary>
    public void Save()
    {
        lock (_writing)
        {
            var temporary = _path + ".tmp";
            var list = CalicoSerializer.ToList(_store.Objects);
            foreach (var policy in NetworkPolicies.Policies) ((JsonArray)list["items"]!).Add((JsonNode)KubernetesNetworkPolicyParser.ToJsonNode(policy));
            File.WriteAllText(temporary, list.ToJsonString(Indented) + Environment.NewLine);
            File.Move(temporary, _path, overwrite: true);
        }
    }
}
