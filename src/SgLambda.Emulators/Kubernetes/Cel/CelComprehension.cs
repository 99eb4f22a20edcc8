namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>The macros <c>range.all(v, p)</c>, <c>range.exists(v, p)</c> and <c>range.exists_one(v, p)</c>.</summary>
public sealed record CelComprehension(CelExpression Range, string Variable, CelExpression Predicate, string Macro) : CelExpression
{
    public const string All = "all";
    public const string Exists = "exists";
    public const string ExistsOne = "exists_one";
}
