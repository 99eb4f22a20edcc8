namespace SgLambda.Emulators.Kubernetes.Calico;

/// <summary>One token of a Calico selector; <see cref="Value"/> is the label or string literal.</summary>
internal readonly record struct SelectorToken(SelectorTokenKind Kind, string Value);
