namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// One cause of a failed request (<c>metav1.StatusCause</c>): <c>reason</c> such as <c>FieldValueInvalid</c>
/// or <c>FieldManagerConflict</c>, a message, and the field path it is about.
/// </summary>
public sealed record StatusCause(string? Reason, string? Message, string? Field);
