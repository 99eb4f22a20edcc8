namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>One term of a field selector: <c>field=value</c> (or <c>==</c>), or <c>field!=value</c>.</summary>
public sealed record FieldSelectorRequirement(string Field, bool Negated, string Value);
