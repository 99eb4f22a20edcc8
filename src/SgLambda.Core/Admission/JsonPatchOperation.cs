using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SgLambda.Core.Admission;

/// <summary>One RFC 6902 operation: <c>add</c>, <c>remove</c> or <c>replace</c> here.</summary>
public sealed record JsonPatchOperation(
    string Op,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Value = null);
