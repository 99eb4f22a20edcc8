using System.Text.Json;

namespace SgLambda.Core.Admission;

/// <summary>The request half of an AdmissionReview; objects stay raw JSON, the decision reads what it needs.</summary>
public sealed record AdmissionRequest
{
    public required string Uid { get; init; }
    public GroupVersionKind? Kind { get; init; }
    public GroupVersionResource? Resource { get; init; }
    public string? SubResource { get; init; }
    public string? Name { get; init; }
    public string? Namespace { get; init; }
    /// <summary><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c> or <c>CONNECT</c>.</summary>
    public string? Operation { get; init; }
    public JsonElement? Object { get; init; }
    public JsonElement? OldObject { get; init; }
    public bool? DryRun { get; init; }
}
