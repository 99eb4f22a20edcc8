namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>A parsed CEL expression. Operators are calls named as CEL names them (<c>_&amp;&amp;_</c>, <c>_==_</c>, <c>!_</c>).</summary>
public abstract record CelExpression;
