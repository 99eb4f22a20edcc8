namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>A variable: <c>self</c>, or a comprehension's iteration variable.</summary>
public sealed record CelIdentifier(string Name) : CelExpression;
