namespace SgLambda.Emulators.Kubernetes.Calico.Selectors;

/// <summary>A token and the position of its first character, so errors can point at it.</summary>
public readonly record struct SelectorToken(SelectorTokenKind Kind, int Position, string Value = "");
