namespace SgLambda.Kubernetes;

/// <summary>One cause of a Kubernetes <c>Status</c> error: the field path and what is wrong with it.</summary>
public sealed record KubernetesStatusCause(string? Reason, string? Message, string? Field);
