namespace SgLambda.Emulators.Aws.Wire;

/// <summary>
/// A node of a response document, independent of how it is written. EC2 writes it as XML and CloudTrail
/// records the same names as JSON, so one tree feeds both and they cannot drift apart.
/// </summary>
internal abstract class WireNode;
