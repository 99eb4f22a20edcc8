using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// One change of the <see cref="ObjectStore"/>, as a watch reports it: <c>ADDED</c>, <c>MODIFIED</c> or
/// <c>DELETED</c>, the storage key, and the object (for a deletion, its last state carrying the deletion's
/// resourceVersion, as the API server sends it).
/// </summary>
public sealed record StoreEvent(long Revision, string Type, string Key, JsonObject Object);
