namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>A constant: bool, long (int), ulong (uint), double, string or <see cref="CelNull"/>.</summary>
public sealed record CelLiteral(object Value) : CelExpression;
