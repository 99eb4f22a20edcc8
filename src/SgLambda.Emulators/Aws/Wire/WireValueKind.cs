namespace SgLambda.Emulators.Aws.Wire;

/// <summary>How a leaf is typed: XML writes all of them as text, CloudTrail's JSON keeps the type.</summary>
internal enum WireValueKind
{
    Text,
    Number,
    Boolean,
    Timestamp,
}
