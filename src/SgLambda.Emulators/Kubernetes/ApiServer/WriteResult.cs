using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>The object a write left (or would leave, on a dry run), whether it was created, and warnings for the client.</summary>
public sealed record WriteResult(JsonObject Object, bool Created, IReadOnlyList<string> Warnings);
