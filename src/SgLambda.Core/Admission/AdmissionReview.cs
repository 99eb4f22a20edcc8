namespace SgLambda.Core.Admission;

/// <summary>
/// <c>admission.k8s.io/v1</c> AdmissionReview: the API server sends it with <see cref="Request"/>, the
/// webhook answers with <see cref="Response"/> (Kubernetes "Dynamic Admission Control").
/// </summary>
public sealed record AdmissionReview
{
    public const string V1ApiVersion = "admission.k8s.io/v1";
    public const string ReviewKind = "AdmissionReview";

    public string ApiVersion { get; init; } = V1ApiVersion;
    public string Kind { get; init; } = ReviewKind;
    public AdmissionRequest? Request { get; init; }
    public AdmissionResponse? Response { get; init; }
}
