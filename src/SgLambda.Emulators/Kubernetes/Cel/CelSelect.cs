namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary><c>operand.field</c>; with <see cref="TestOnly"/> it is <c>has(operand.field)</c>.</summary>
public sealed record CelSelect(CelExpression Operand, string Field, bool TestOnly) : CelExpression;
