namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>A function (<c>size(x)</c>), a method (<c>x.contains(y)</c>, with a target) or an operator.</summary>
public sealed record CelCall(CelExpression? Target, string Function, IReadOnlyList<CelExpression> Arguments) : CelExpression;
