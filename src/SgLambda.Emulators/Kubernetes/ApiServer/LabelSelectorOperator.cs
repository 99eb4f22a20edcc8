namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>The operators of a Kubernetes label selector requirement (k8s.io/apimachinery selection.Operator).</summary>
public enum LabelSelectorOperator
{
    /// <summary><c>k</c></summary>
    Exists,
    /// <summary><c>!k</c></summary>
    DoesNotExist,
    /// <summary><c>k=v</c> and <c>k==v</c></summary>
    Equals,
    /// <summary><c>k!=v</c> (also matches objects without <c>k</c>)</summary>
    NotEquals,
    /// <summary><c>k in (a,b)</c></summary>
    In,
    /// <summary><c>k notin (a,b)</c> (also matches objects without <c>k</c>)</summary>
    NotIn,
    /// <summary><c>k&gt;5</c> (integer values)</summary>
    GreaterThan,
    /// <summary><c>k&lt;5</c> (integer values)</summary>
    LessThan,
}
