namespace SgLambda.Core.Admission;

/// <summary>
/// The AdmissionReview to send back, and the patch operations it carries (base64 in the review), kept
/// readable for logs and tests.
/// </summary>
public sealed record AdmissionDecision(AdmissionReview Review, IReadOnlyList<JsonPatchOperation> Operations)
{
    public AdmissionResponse Response => Review.Response!;
}
