namespace SgLambda.Core.Admission;

/// <summary>The response half of an AdmissionReview; <see cref="Patch"/> is base64 of RFC 6902 operations.</summary>
public sealed record AdmissionResponse
{
    public const string JsonPatchType = "JSONPatch";

    public required string Uid { get; init; }
    public required bool Allowed { get; init; }
    public AdmissionStatus? Status { get; init; }
    public string? PatchType { get; init; }
    public string? Patch { get; init; }
}
