namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>A list literal <c>[a, b]</c>.</summary>
public sealed record CelCreateList(IReadOnlyList<CelExpression> Elements) : CelExpression;
