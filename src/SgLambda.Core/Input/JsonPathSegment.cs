namespace SgLambda.Core.Input;

/// <summary>One step of a JSON path: a field name, or an array index when the name is null.</summary>
internal readonly record struct JsonPathSegment(string? Field, int Index);
