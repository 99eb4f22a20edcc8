namespace SgLambda.Core.Calico;

/// <summary>How a <see cref="LabelRequirement"/> tests its label.</summary>
public enum LabelOperator
{
    /// <summary>The label is present, with any value.</summary>
    Exists,

    /// <summary>The label is present with the requirement's one value.</summary>
    Equals,

    /// <summary>The label is present with one of the requirement's values.</summary>
    In,
}
