namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>One <c>Filter.N</c> of a Describe call: a name and values, any of which may match.</summary>
internal sealed record QueryFilter(string Name, IReadOnlyList<string> Values);
