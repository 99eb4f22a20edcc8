namespace SgLambda.Core.Input;

/// <summary>What a JSON value of a <see cref="JsonShape"/> must be.</summary>
internal enum JsonShapeKind
{
    Object,
    Array,
    String,
    Integer,
    Boolean,
    Enum,
}
